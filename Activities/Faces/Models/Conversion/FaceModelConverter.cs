using Google.Protobuf;
using Onnx;

namespace SmartKiosk.Activities.Faces.Models.Conversion;

/// <summary>
/// Converts face-api's TensorFlow.js weights (from the pinned npm package) into the three ONNX
/// models the kiosk runs. The converted files are written to a temporary name and moved into
/// place, so a half-written model is never loaded.
/// </summary>
public static class FaceModelConverter
{
    /// <summary>Bumped whenever the graphs change, so cached models from an older converter are rebuilt.</summary>
    public const string Version = "1";

    public static async Task ConvertAsync(string weightsDirectory, string outputDirectory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(outputDirectory);
        foreach (var model in FaceModel.All)
        {
            var weights = await TfjsWeightMap.LoadAsync(Path.Combine(weightsDirectory, model.ManifestFile), cancellationToken);
            var proto = Build(model, weights);
            var target = Path.Combine(outputDirectory, model.OnnxFile);
            var temporary = $"{target}.{Guid.NewGuid():N}.tmp";
            await using (var stream = File.Create(temporary))
            {
                proto.WriteTo(stream);
                await stream.FlushAsync(cancellationToken);
            }
            File.Move(temporary, target, overwrite: true);
        }
    }

    internal static ModelProto Build(FaceModel model, TfjsWeightMap weights) => model.Kind switch
    {
        FaceModelKind.Detector => TinyFaceDetectorGraph.Build(weights),
        FaceModelKind.Landmarks => FaceLandmark68NetGraph.Build(weights),
        FaceModelKind.Descriptor => FaceRecognitionNetGraph.Build(weights),
        _ => throw new ArgumentOutOfRangeException(nameof(model)),
    };
}
