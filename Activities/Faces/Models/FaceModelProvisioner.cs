using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartKiosk.Activities.Faces.Models.Conversion;

namespace SmartKiosk.Activities.Faces.Models;

/// <summary>
/// Finds face-api's weights and makes sure converted ONNX models exist for them. Converted models
/// are cached under a key made of the converter's version and a hash of the weights, so a new
/// package version or a converter change rebuilds them and nothing stale is ever loaded.
/// </summary>
public sealed class FaceModelProvisioner(IOptions<FaceModelOptions> options, ILogger<FaceModelProvisioner> logger) : IDisposable
{
    private static readonly string PackageModelPath = Path.Combine(".tools", "npm", "node_modules", "@vladmandic", "face-api", "model");
    private readonly SemaphoreSlim gate = new(1, 1);
    private string? provisioned;

    /// <summary>Returns the folder holding the three ONNX files, converting them first if needed.</summary>
    public async Task<string> EnsureModelsAsync(CancellationToken cancellationToken)
    {
        if (provisioned is not null)
        {
            return provisioned;
        }
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (provisioned is not null)
            {
                return provisioned;
            }
            var weights = LocateWeights();
            CheckPackageVersion(weights);
            var key = await CacheKeyAsync(weights, cancellationToken);
            var cache = Path.Combine(options.Value.CacheDirectory ?? DefaultCacheDirectory(weights), key);
            if (!FaceModel.All.All(model => File.Exists(Path.Combine(cache, model.OnnxFile))))
            {
                logger.LogInformation("Converting face models from {WeightsDirectory} to {ModelDirectory}", weights, cache);
                await FaceModelConverter.ConvertAsync(weights, cache, cancellationToken);
            }
            provisioned = cache;
            return cache;
        }
        finally
        {
            gate.Release();
        }
    }

    private string LocateWeights()
    {
        if (!string.IsNullOrWhiteSpace(options.Value.WeightsDirectory))
        {
            return Directory.Exists(options.Value.WeightsDirectory)
                ? Path.GetFullPath(options.Value.WeightsDirectory)
                : throw new FaceModelUnavailableException($"Face model weights folder '{options.Value.WeightsDirectory}' does not exist.");
        }
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                var candidate = Path.Combine(folder.FullName, PackageModelPath);
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }
        throw new FaceModelUnavailableException(
            $"Face model weights were not found: run scripts/install-prerequisites.sh (it installs {FaceModelOptions.PackageName}@{FaceModelOptions.PackageVersion} into .tools/npm) or set {FaceModelOptions.SectionName}:WeightsDirectory.");
    }

    private static void CheckPackageVersion(string weightsDirectory)
    {
        var packageJson = Path.Combine(weightsDirectory, "..", "package.json");
        if (!File.Exists(packageJson))
        {
            return;
        }
        using var document = JsonDocument.Parse(File.ReadAllText(packageJson));
        var version = document.RootElement.TryGetProperty("version", out var value) ? value.GetString() : null;
        if (version != FaceModelOptions.PackageVersion)
        {
            throw new FaceModelUnavailableException(
                $"The face model weights come from {FaceModelOptions.PackageName} {version}; the converter is pinned to {FaceModelOptions.PackageVersion}.");
        }
    }

    private static async Task<string> CacheKeyAsync(string weightsDirectory, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var model in FaceModel.All)
        {
            foreach (var file in new[] { model.ManifestFile, $"{model.WeightsName}.bin" })
            {
                var path = Path.Combine(weightsDirectory, file);
                if (!File.Exists(path))
                {
                    throw new FaceModelUnavailableException($"Face model file '{path}' is missing.");
                }
                hash.AppendData(await File.ReadAllBytesAsync(path, cancellationToken));
            }
        }
        return $"v{FaceModelConverter.Version}-{Convert.ToHexStringLower(hash.GetHashAndReset())[..16]}";
    }

    private static string DefaultCacheDirectory(string weightsDirectory)
    {
        // .tools/npm/node_modules/@vladmandic/face-api/model → .tools/face-models
        var tools = Path.GetFullPath(Path.Combine(weightsDirectory, "..", "..", "..", "..", ".."));
        return Path.GetFileName(tools) == ".tools"
            ? Path.Combine(tools, "face-models")
            : Path.Combine(Path.GetTempPath(), "smartkiosk-face-models");
    }

    public void Dispose() => gate.Dispose();
}
