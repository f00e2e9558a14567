namespace SmartKiosk.Activities.Faces.Models;

/// <summary>Where the face models come from and how they run (configuration section <c>Faces:Models</c>).</summary>
public sealed class FaceModelOptions
{
    public const string SectionName = "Faces:Models";

    /// <summary>The pinned npm package the weights come from; its version is checked before conversion.</summary>
    public const string PackageName = "@vladmandic/face-api";

    public const string PackageVersion = "1.7.15";

    /// <summary>
    /// The package's <c>model/</c> folder. When empty, <c>.tools/npm/node_modules/@vladmandic/face-api/model</c>
    /// is looked for from the application folder and the working folder upwards (where
    /// <c>scripts/install-prerequisites.sh</c> puts it).
    /// </summary>
    public string? WeightsDirectory { get; set; }

    /// <summary>Where converted ONNX models are cached. When empty: <c>.tools/face-models</c> beside the npm folder.</summary>
    public string? CacheDirectory { get; set; }

    /// <summary>Threads per inference. On 2 cores one thread per call was fastest, with calls running side by side.</summary>
    public int IntraOpNumThreads { get; set; } = 1;
}
