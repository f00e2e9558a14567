using Onnx;

namespace SmartKiosk.Activities.Faces.Models.Conversion;

/// <summary>
/// face-api's 68-point landmark net as an ONNX graph: a 112×112 RGB face crop in, 136 values out
/// (x0, y0, x1, y1, … relative to the padded square input).
/// </summary>
internal static class FaceLandmark68NetGraph
{
    public const int InputSize = 112;
    public static readonly float[] MeanRgb = [122.782f, 117.001f, 104.298f];

    public static ModelProto Build(TfjsWeightMap weights)
    {
        var g = new OnnxGraphBuilder("face_landmark_68");
        var x = g.Normalise(g.ImageInput("image", InputSize, InputSize), MeanRgb);
        x = DenseBlock(g, weights, "dense0", x, firstLayerIsConv: true);
        x = DenseBlock(g, weights, "dense1", x, firstLayerIsConv: false);
        x = DenseBlock(g, weights, "dense2", x, firstLayerIsConv: false);
        x = DenseBlock(g, weights, "dense3", x, firstLayerIsConv: false);
        x = g.AveragePool(x, kernel: 7, stride: 2);

        var fc = weights["fc/weights"];
        var output = g.Dense(g.Flatten(x), fc.Values, weights["fc/bias"].Values, fc.Shape[1]);
        return g.Build(output, "landmarks", 1, fc.Shape[1]);
    }

    // Four layers, each fed the sum of the ones before it; the first one halves the size.
    private static OnnxValue DenseBlock(OnnxGraphBuilder g, TfjsWeightMap weights, string prefix, OnnxValue x, bool firstLayerIsConv)
    {
        OnnxValue out1;
        if (firstLayerIsConv)
        {
            var filter = weights[$"{prefix}/conv0/filters"];
            out1 = g.Conv(x, TensorLayouts.ConvFilter(filter), weights[$"{prefix}/conv0/bias"].Values,
                TensorLayouts.OutChannels(filter), TensorLayouts.Kernel(filter), stride: 2, Padding.TensorFlowSame);
        }
        else
        {
            out1 = SeparableConv(g, weights, $"{prefix}/conv0", x, stride: 2);
        }
        out1 = g.Relu(out1);
        var out2 = SeparableConv(g, weights, $"{prefix}/conv1", out1, stride: 1);
        var in3 = g.Relu(g.Add(out1, out2));
        var out3 = SeparableConv(g, weights, $"{prefix}/conv2", in3, stride: 1);
        var in4 = g.Relu(g.Add(out1, g.Add(out2, out3)));
        var out4 = SeparableConv(g, weights, $"{prefix}/conv3", in4, stride: 1);
        return g.Relu(g.Add(out1, g.Add(out2, g.Add(out3, out4))));
    }

    private static OnnxValue SeparableConv(OnnxGraphBuilder g, TfjsWeightMap weights, string prefix, OnnxValue x, int stride)
    {
        var depthwise = weights[$"{prefix}/depthwise_filter"];
        var pointwise = weights[$"{prefix}/pointwise_filter"];
        x = g.Conv(x, TensorLayouts.DepthwiseFilter(depthwise), new float[x.Channels], x.Channels,
            TensorLayouts.Kernel(depthwise), stride, Padding.TensorFlowSame, group: x.Channels);
        return g.Conv(x, TensorLayouts.ConvFilter(pointwise), weights[$"{prefix}/bias"].Values,
            TensorLayouts.OutChannels(pointwise), kernel: 1, stride: 1, Padding.Valid);
    }
}
