namespace SmartKiosk.Activities.Faces.Models.Conversion;

/// <summary>The TensorFlow.js weights could not be turned into an ONNX model (missing, truncated or unexpected files).</summary>
public sealed class FaceModelConversionException(string message) : Exception(message);
