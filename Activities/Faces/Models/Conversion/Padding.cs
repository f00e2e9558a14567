namespace SmartKiosk.Activities.Faces.Models.Conversion;

/// <summary>How a convolution or pool pads its input.</summary>
internal enum Padding
{
    /// <summary>No padding.</summary>
    Valid,

    /// <summary>One zero row and column on every side (a 3×3 "same" convolution at stride 1).</summary>
    Symmetric1,

    /// <summary>TensorFlow's "SAME": output = ceil(input / stride), the odd pixel padded at the bottom/right.</summary>
    TensorFlowSame,
}
