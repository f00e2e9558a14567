using Onnx;

namespace SmartKiosk.Activities.Faces.Models.Conversion;

/// <summary>
/// face-api's face recognition net (the dlib ResNet-29 face descriptor) as an ONNX graph:
/// a 150×150 RGB chip in, a 128-d descriptor out.
/// </summary>
internal static class FaceRecognitionNetGraph
{
    public const int InputSize = 150;
    public static readonly float[] MeanRgb = [122.782f, 117.001f, 104.298f];

    public static ModelProto Build(TfjsWeightMap weights)
    {
        var g = new OnnxGraphBuilder("face_recognition");
        var x = g.Normalise(g.ImageInput("image", InputSize, InputSize), MeanRgb);

        x = g.Relu(Conv(g, weights, "conv32_down", x, stride: 2, Padding.Valid));
        x = g.MaxPool(x, kernel: 3, stride: 2, Padding.Valid);
        x = Residual(g, weights, "conv32_1", x);
        x = Residual(g, weights, "conv32_2", x);
        x = Residual(g, weights, "conv32_3", x);
        x = ResidualDown(g, weights, "conv64_down", x);
        x = Residual(g, weights, "conv64_1", x);
        x = Residual(g, weights, "conv64_2", x);
        x = Residual(g, weights, "conv64_3", x);
        x = ResidualDown(g, weights, "conv128_down", x);
        x = Residual(g, weights, "conv128_1", x);
        x = Residual(g, weights, "conv128_2", x);
        x = ResidualDown(g, weights, "conv256_down", x);
        x = Residual(g, weights, "conv256_1", x);
        x = Residual(g, weights, "conv256_2", x);
        x = ResidualDown(g, weights, "conv256_down_out", x);

        var pooled = g.GlobalAverage(x);
        var fc = weights["fc"];
        var descriptor = g.Dense(pooled, fc.Values, bias: null, outFeatures: fc.Shape[1]);
        return g.Build(descriptor, "descriptor", 1, fc.Shape[1]);
    }

    private static OnnxValue Residual(OnnxGraphBuilder g, TfjsWeightMap weights, string prefix, OnnxValue x)
    {
        var main = g.Relu(Conv(g, weights, $"{prefix}/conv1", x, stride: 1, Padding.TensorFlowSame));
        main = Conv(g, weights, $"{prefix}/conv2", main, stride: 1, Padding.TensorFlowSame);
        return g.Relu(g.Add(main, x));
    }

    // The main path halves the size without padding, so it can come out one pixel short of the
    // 2×2 average-pooled shortcut: face-api then appends a zero row (bottom) and column (right).
    // The shortcut gets zero channels appended to match the wider main path.
    private static OnnxValue ResidualDown(OnnxGraphBuilder g, TfjsWeightMap weights, string prefix, OnnxValue x)
    {
        var main = g.Relu(Conv(g, weights, $"{prefix}/conv1", x, stride: 2, Padding.Valid));
        main = Conv(g, weights, $"{prefix}/conv2", main, stride: 1, Padding.TensorFlowSame);
        var shortcut = g.AveragePool(x, kernel: 2, stride: 2);
        main = g.PadEnd(main, channels: 0, rows: shortcut.Height - main.Height, columns: shortcut.Width - main.Width);
        shortcut = g.PadEnd(shortcut, channels: main.Channels - shortcut.Channels, rows: 0, columns: 0);
        return g.Relu(g.Add(shortcut, main));
    }

    private static OnnxValue Conv(OnnxGraphBuilder g, TfjsWeightMap weights, string prefix, OnnxValue x, int stride, Padding padding)
    {
        var filter = weights[$"{prefix}/conv/filters"];
        var (folded, bias) = TensorLayouts.FoldScale(
            TensorLayouts.ConvFilter(filter),
            weights[$"{prefix}/conv/bias"].Values,
            weights[$"{prefix}/scale/weights"].Values,
            weights[$"{prefix}/scale/biases"].Values);
        return g.Conv(x, folded, bias, TensorLayouts.OutChannels(filter), TensorLayouts.Kernel(filter), stride, padding);
    }
}
