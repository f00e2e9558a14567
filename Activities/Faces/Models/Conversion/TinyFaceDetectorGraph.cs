using Onnx;

namespace SmartKiosk.Activities.Faces.Models.Conversion;

/// <summary>
/// face-api's tiny face detector (a Tiny-YOLOv2 with separable convolutions) as an ONNX graph:
/// a 416×416 RGB image in, the raw 13×13×25 grid (5 anchors × [x, y, w, h, objectness]) out, NHWC.
/// </summary>
internal static class TinyFaceDetectorGraph
{
    public const int InputSize = 416;
    public static readonly float[] MeanRgb = [117.001f, 114.697f, 97.404f];
    private const float LeakySlope = 0.1f;

    public static ModelProto Build(TfjsWeightMap weights)
    {
        var g = new OnnxGraphBuilder("tiny_face_detector");
        var x = g.Normalise(g.ImageInput("image", InputSize, InputSize), MeanRgb);

        var conv0 = weights["conv0/filters"];
        x = g.Conv(x, TensorLayouts.ConvFilter(conv0), weights["conv0/bias"].Values,
            TensorLayouts.OutChannels(conv0), TensorLayouts.Kernel(conv0), stride: 1, Padding.Valid);
        x = g.LeakyRelu(x, LeakySlope);
        for (var layer = 1; layer <= 5; layer++)
        {
            x = g.MaxPool(x, kernel: 2, stride: 2, Padding.TensorFlowSame);
            x = SeparableConv(g, weights, $"conv{layer}", x);
        }
        x = g.MaxPool(x, kernel: 2, stride: 1, Padding.TensorFlowSame);

        var conv8 = weights["conv8/filters"];
        x = g.Conv(x, TensorLayouts.ConvFilter(conv8), weights["conv8/bias"].Values,
            TensorLayouts.OutChannels(conv8), kernel: 1, stride: 1, Padding.Valid);
        return g.Build(g.ToNhwc(x), "grid", 1, x.Height, x.Width, x.Channels);
    }

    private static OnnxValue SeparableConv(OnnxGraphBuilder g, TfjsWeightMap weights, string prefix, OnnxValue x)
    {
        var depthwise = weights[$"{prefix}/depthwise_filter"];
        var pointwise = weights[$"{prefix}/pointwise_filter"];
        var zeroBias = new float[x.Channels];
        x = g.Conv(x, TensorLayouts.DepthwiseFilter(depthwise), zeroBias, x.Channels,
            TensorLayouts.Kernel(depthwise), stride: 1, Padding.Symmetric1, group: x.Channels);
        x = g.Conv(x, TensorLayouts.ConvFilter(pointwise), weights[$"{prefix}/bias"].Values,
            TensorLayouts.OutChannels(pointwise), kernel: 1, stride: 1, Padding.Valid);
        return g.LeakyRelu(x, LeakySlope);
    }
}
