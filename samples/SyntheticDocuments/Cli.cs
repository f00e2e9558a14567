using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SmartKiosk.Samples.SyntheticDocuments;

/// <summary>
/// <c>--seed N --count N --out DIR [--photo-share 0.5]</c>: writes the images and a manifest.json describing them.
/// </summary>
public static class Cli
{
    private static readonly JsonSerializerOptions ManifestJson = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        // Keep Vietnamese readable in the manifest instead of \uXXXX escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static int Run(string[] args)
    {
        int seed = 1, count = 16;
        double photoShare = 0.5;
        string? output = null;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--seed":
                    seed = int.Parse(Next(), CultureInfo.InvariantCulture);
                    break;
                case "--count":
                    count = int.Parse(Next(), CultureInfo.InvariantCulture);
                    break;
                case "--out":
                    output = Next();
                    break;
                case "--photo-share":
                    photoShare = double.Parse(Next(), CultureInfo.InvariantCulture);
                    break;
                case "-h" or "--help":
                    Console.WriteLine("Usage: SyntheticDocuments --seed N --count N --out DIR [--photo-share 0.5]");
                    return 0;
                default:
                    Console.Error.WriteLine($"Unknown argument '{args[i]}'. Use --help.");
                    return 2;
            }
        }

        if (output is null)
        {
            Console.Error.WriteLine("--out DIR is required.");
            return 2;
        }

        Directory.CreateDirectory(output);
        var generator = new DocumentGenerator(seed);
        var documents = generator.Corpus(count, photoShare);
        var manifest = new List<ManifestEntry>(documents.Count);
        foreach (var document in documents)
        {
            var fileName = document.Id + document.FileExtension;
            File.WriteAllBytes(Path.Combine(output, fileName), document.Image);
            manifest.Add(new ManifestEntry(document.Id, document.DocumentType, document.Capture, document.Effects, fileName, document.Fields, document.RedFlags));
        }

        File.WriteAllText(Path.Combine(output, "manifest.json"), JsonSerializer.Serialize(manifest, ManifestJson));
        var photos = documents.Count(d => d.Capture == CaptureKind.Photo);
        var bytes = documents.Sum(d => (long)d.Image.Length);
        Console.WriteLine(FormattableString.Invariant(
            $"Wrote {documents.Count} documents ({documents.Count - photos} scans, {photos} photos, {bytes / 1024.0 / 1024.0:F1} MiB) with seed {seed} to {Path.GetFullPath(output)}"));
        return 0;
    }

    private sealed record ManifestEntry(
        string Id,
        string DocumentType,
        CaptureKind Capture,
        CaptureEffects Effects,
        string FileName,
        IReadOnlyDictionary<string, string> Fields,
        IReadOnlyList<string> RedFlags);
}
