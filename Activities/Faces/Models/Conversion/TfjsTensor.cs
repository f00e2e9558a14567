namespace SmartKiosk.Activities.Faces.Models.Conversion;

/// <summary>One float32 tensor of a TensorFlow.js model, in TensorFlow's layout (row-major over <see cref="Shape"/>).</summary>
public sealed record TfjsTensor(string Name, int[] Shape, float[] Values);
