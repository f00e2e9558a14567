using System.Buffers.Binary;
using System.Text.Json;

namespace SmartKiosk.Activities.Faces.Models.Conversion;

/// <summary>
/// The named tensors of a TensorFlow.js weights manifest (<c>*-weights_manifest.json</c> and
/// its binary shards), dequantised to float32 exactly as TensorFlow.js does when it loads them.
/// </summary>
public sealed class TfjsWeightMap
{
    private readonly Dictionary<string, TfjsTensor> tensors;

    private TfjsWeightMap(Dictionary<string, TfjsTensor> tensors) => this.tensors = tensors;

    public IReadOnlyCollection<string> Names => tensors.Keys;

    public TfjsTensor this[string name] =>
        tensors.TryGetValue(name, out var tensor)
            ? tensor
            : throw new FaceModelConversionException($"The weights have no tensor named '{name}'.");

    public static async Task<TfjsWeightMap> LoadAsync(string manifestPath, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(manifestPath))!;
        await using var manifestStream = File.OpenRead(manifestPath);
        var groups = await JsonSerializer.DeserializeAsync<List<ManifestGroup>>(manifestStream, ManifestJson.Options, cancellationToken)
            ?? throw new FaceModelConversionException($"'{manifestPath}' is not a weights manifest.");

        var tensors = new Dictionary<string, TfjsTensor>(StringComparer.Ordinal);
        foreach (var group in groups)
        {
            // The shards of a group are one byte stream cut into files; tensors run across them back to back.
            using var buffer = new MemoryStream();
            foreach (var shard in group.Paths)
            {
                var shardPath = Path.GetFullPath(Path.Combine(folder, shard));
                if (!shardPath.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                {
                    throw new FaceModelConversionException($"The manifest names a shard outside its folder: '{shard}'.");
                }
                await using var shardStream = File.OpenRead(shardPath);
                await shardStream.CopyToAsync(buffer, cancellationToken);
            }

            var bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
            var offset = 0;
            foreach (var spec in group.Weights)
            {
                var (tensor, length) = Decode(spec, bytes.Span[offset..]);
                tensors.Add(spec.Name, tensor);
                offset += length;
            }
            if (offset != bytes.Length)
            {
                throw new FaceModelConversionException(
                    $"'{manifestPath}': the manifest describes {offset} bytes but the shards hold {bytes.Length}.");
            }
        }
        return new TfjsWeightMap(tensors);
    }

    private static (TfjsTensor Tensor, int ByteLength) Decode(ManifestWeight spec, ReadOnlySpan<byte> bytes)
    {
        if (spec.Dtype != "float32")
        {
            throw new FaceModelConversionException($"Tensor '{spec.Name}' has dtype '{spec.Dtype}'; only float32 tensors are expected.");
        }
        var count = spec.Shape.Aggregate(1, (product, dimension) => checked(product * dimension));
        var values = new float[count];
        var quantization = spec.Quantization;
        var width = quantization?.Dtype switch
        {
            null => 4,
            "uint8" => 1,
            "uint16" or "float16" => 2,
            var other => throw new FaceModelConversionException($"Tensor '{spec.Name}' uses unknown quantization '{other}'."),
        };
        if (bytes.Length < count * width)
        {
            throw new FaceModelConversionException($"The shards end inside tensor '{spec.Name}'.");
        }

        for (var i = 0; i < count; i++)
        {
            values[i] = quantization?.Dtype switch
            {
                null => BinaryPrimitives.ReadSingleLittleEndian(bytes[(i * 4)..]),
                // TensorFlow.js computes q·scale + min in double precision and stores a float32.
                "uint8" => (float)(bytes[i] * quantization.Scale + quantization.Min),
                "uint16" => (float)(BinaryPrimitives.ReadUInt16LittleEndian(bytes[(i * 2)..]) * quantization.Scale + quantization.Min),
                _ => (float)BinaryPrimitives.ReadHalfLittleEndian(bytes[(i * 2)..]),
            };
        }
        return (new TfjsTensor(spec.Name, spec.Shape, values), count * width);
    }

    private sealed record ManifestGroup(List<string> Paths, List<ManifestWeight> Weights);

    private sealed record ManifestWeight(string Name, int[] Shape, string Dtype, ManifestQuantization? Quantization);

    private sealed record ManifestQuantization(string Dtype, double Scale, double Min);

    private static class ManifestJson
    {
        public static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };
    }
}
