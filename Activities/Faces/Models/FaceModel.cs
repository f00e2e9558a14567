namespace SmartKiosk.Activities.Faces.Models;

/// <summary>One network: where its TensorFlow.js weights are and what its ONNX file is called.</summary>
public sealed record FaceModel(FaceModelKind Kind, string WeightsName)
{
    public static readonly FaceModel Detector = new(FaceModelKind.Detector, "tiny_face_detector_model");
    public static readonly FaceModel Landmarks = new(FaceModelKind.Landmarks, "face_landmark_68_model");
    public static readonly FaceModel Descriptor = new(FaceModelKind.Descriptor, "face_recognition_model");

    public static IReadOnlyList<FaceModel> All { get; } = [Detector, Landmarks, Descriptor];

    public string ManifestFile => $"{WeightsName}-weights_manifest.json";

    public string OnnxFile => $"{WeightsName}.onnx";
}
