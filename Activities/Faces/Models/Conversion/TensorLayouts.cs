namespace SmartKiosk.Activities.Faces.Models.Conversion;

/// <summary>TensorFlow filter layouts turned into ONNX's.</summary>
internal static class TensorLayouts
{
    /// <summary>A conv filter [kh, kw, in, out] → [out, in, kh, kw].</summary>
    public static float[] ConvFilter(TfjsTensor filter)
    {
        var (kh, kw, cin, cout) = Dimensions4(filter);
        var result = new float[filter.Values.Length];
        for (var y = 0; y < kh; y++)
        {
            for (var x = 0; x < kw; x++)
            {
                for (var i = 0; i < cin; i++)
                {
                    for (var o = 0; o < cout; o++)
                    {
                        result[((o * cin + i) * kh + y) * kw + x] = filter.Values[((y * kw + x) * cin + i) * cout + o];
                    }
                }
            }
        }
        return result;
    }

    /// <summary>A depthwise filter [kh, kw, C, 1] → [C, 1, kh, kw] (a grouped conv with group = C).</summary>
    public static float[] DepthwiseFilter(TfjsTensor filter)
    {
        var (kh, kw, channels, multiplier) = Dimensions4(filter);
        if (multiplier != 1)
        {
            throw new FaceModelConversionException($"'{filter.Name}': depth multiplier {multiplier} is not supported.");
        }
        var result = new float[filter.Values.Length];
        for (var y = 0; y < kh; y++)
        {
            for (var x = 0; x < kw; x++)
            {
                for (var c = 0; c < channels; c++)
                {
                    result[(c * kh + y) * kw + x] = filter.Values[(y * kw + x) * channels + c];
                }
            }
        }
        return result;
    }

    /// <summary>
    /// Folds face-api's "scale layer" (x·s + t after conv + bias) into the conv:
    /// W' = W·s per output channel, b' = b·s + t.
    /// </summary>
    public static (float[] Filter, float[] Bias) FoldScale(float[] onnxFilter, float[] bias, float[] scale, float[] shift)
    {
        var outChannels = bias.Length;
        var perChannel = onnxFilter.Length / outChannels;
        var filter = new float[onnxFilter.Length];
        var folded = new float[outChannels];
        for (var o = 0; o < outChannels; o++)
        {
            for (var k = 0; k < perChannel; k++)
            {
                filter[o * perChannel + k] = onnxFilter[o * perChannel + k] * scale[o];
            }
            folded[o] = bias[o] * scale[o] + shift[o];
        }
        return (filter, folded);
    }

    public static int OutChannels(TfjsTensor filter) => filter.Shape[^1];

    public static int Kernel(TfjsTensor filter) => filter.Shape[0];

    private static (int, int, int, int) Dimensions4(TfjsTensor tensor) =>
        tensor.Shape is [var a, var b, var c, var d]
            ? (a, b, c, d)
            : throw new FaceModelConversionException($"'{tensor.Name}' should be a 4-D filter, not [{string.Join(',', tensor.Shape)}].");
}
