using Google.Protobuf;
using Onnx;

namespace SmartKiosk.Activities.Faces.Models.Conversion;

/// <summary>
/// Builds a small ONNX graph (batch 1, NCHW) node by node, keeping track of each value's shape
/// so that TensorFlow's "SAME" padding can be reproduced exactly.
/// </summary>
/// <remarks>
/// TensorFlow pads "SAME" convolutions and pools asymmetrically (the extra row and column go at the
/// bottom and right); ONNX's <c>auto_pad=SAME_UPPER</c> would do the same, but explicit pads keep the
/// graph readable and make every choice visible in one place.
/// </remarks>
internal sealed class OnnxGraphBuilder
{
    // Opset 13 has every operator used here and runs on any ONNX Runtime of the last years.
    private const int OpsetVersion = 13;
    private readonly GraphProto graph = new();
    private int nextId;

    public OnnxGraphBuilder(string name) => graph.Name = name;

    /// <summary>Declares the graph input: an NHWC float image of 0–255 values, as TensorFlow.js feeds its nets.</summary>
    public OnnxValue ImageInput(string name, int height, int width)
    {
        graph.Input.Add(ValueInfo(name, 1, height, width, 3));
        var nchw = Node("Transpose", [name], Attribute("perm", 0, 3, 1, 2));
        return new OnnxValue(nchw, 3, height, width);
    }

    /// <summary>(x − mean) / 255 per RGB channel, as face-api's <c>normalize(...).div(255)</c>.</summary>
    public OnnxValue Normalise(OnnxValue x, IReadOnlyList<float> meanRgb)
    {
        var mean = Constant([.. meanRgb], 1, 3, 1, 1);
        var divisor = Constant([255f], 1);
        var centred = Node("Sub", [x.Name, mean]);
        return x with { Name = Node("Div", [centred, divisor]) };
    }

    public OnnxValue Conv(OnnxValue x, float[] weights, float[] bias, int outChannels, int kernel, int stride, Padding padding, int group = 1)
    {
        var inPerGroup = x.Channels / group;
        var w = Constant(weights, outChannels, inPerGroup, kernel, kernel);
        var b = Constant(bias, outChannels);
        var (pads, height, width) = Pads(x, kernel, stride, padding);
        var name = Node("Conv", [x.Name, w, b],
            Attribute("kernel_shape", kernel, kernel),
            Attribute("strides", stride, stride),
            Attribute("pads", pads),
            Attribute("group", group));
        return new OnnxValue(name, outChannels, height, width);
    }

    public OnnxValue MaxPool(OnnxValue x, int kernel, int stride, Padding padding)
    {
        var (pads, height, width) = Pads(x, kernel, stride, padding);
        var name = Node("MaxPool", [x.Name],
            Attribute("kernel_shape", kernel, kernel), Attribute("strides", stride, stride), Attribute("pads", pads));
        return x with { Name = name, Height = height, Width = width };
    }

    /// <summary>Average pool without padding (all of face-api's average pools are "valid").</summary>
    public OnnxValue AveragePool(OnnxValue x, int kernel, int stride)
    {
        var (pads, height, width) = Pads(x, kernel, stride, Padding.Valid);
        var name = Node("AveragePool", [x.Name],
            Attribute("kernel_shape", kernel, kernel), Attribute("strides", stride, stride), Attribute("pads", pads));
        return x with { Name = name, Height = height, Width = width };
    }

    /// <summary>Zero padding appended after the last channel, row and column.</summary>
    public OnnxValue PadEnd(OnnxValue x, int channels, int rows, int columns)
    {
        if (channels == 0 && rows == 0 && columns == 0)
        {
            return x;
        }
        var pads = ConstantInt64([0, 0, 0, 0, 0, channels, rows, columns], 8);
        var name = Node("Pad", [x.Name, pads]);
        return new OnnxValue(name, x.Channels + channels, x.Height + rows, x.Width + columns);
    }

    public OnnxValue Relu(OnnxValue x) => x with { Name = Node("Relu", [x.Name]) };

    public OnnxValue LeakyRelu(OnnxValue x, float alpha) => x with { Name = Node("LeakyRelu", [x.Name], Attribute("alpha", alpha)) };

    public OnnxValue Add(OnnxValue a, OnnxValue b)
    {
        if (a.Channels != b.Channels || a.Height != b.Height || a.Width != b.Width)
        {
            throw new FaceModelConversionException($"Cannot add {a} and {b}: shapes differ.");
        }
        return a with { Name = Node("Add", [a.Name, b.Name]) };
    }

    /// <summary>Global average over height and width, flattened to [1, C].</summary>
    public OnnxValue GlobalAverage(OnnxValue x)
    {
        var pooled = Node("GlobalAveragePool", [x.Name]);
        return new OnnxValue(Node("Flatten", [pooled], Attribute("axis", 1)), x.Channels, 1, 1);
    }

    /// <summary>Flattens a 1×1 spatial value to [1, C].</summary>
    public OnnxValue Flatten(OnnxValue x) => new(Node("Flatten", [x.Name], Attribute("axis", 1)), x.Channels * x.Height * x.Width, 1, 1);

    /// <summary>[1, in] × [in, out] (+ bias): TensorFlow's dense weights are already in Gemm's B layout.</summary>
    public OnnxValue Dense(OnnxValue x, float[] weights, float[]? bias, int outFeatures)
    {
        var w = Constant(weights, x.Channels, outFeatures);
        var inputs = bias is null ? new[] { x.Name, w } : [x.Name, w, Constant(bias, outFeatures)];
        return new OnnxValue(Node("Gemm", inputs), outFeatures, 1, 1);
    }

    /// <summary>Back to NHWC, the layout face-api's post-processing reads.</summary>
    public OnnxValue ToNhwc(OnnxValue x) => x with { Name = Node("Transpose", [x.Name], Attribute("perm", 0, 2, 3, 1)) };

    public ModelProto Build(OnnxValue output, string outputName, params long[] outputShape)
    {
        graph.Node.Add(new NodeProto { OpType = "Identity", Name = outputName, Input = { output.Name }, Output = { outputName } });
        graph.Output.Add(ValueInfo(outputName, outputShape));
        var model = new ModelProto
        {
            IrVersion = 7,
            ProducerName = "SmartKiosk face model converter",
            ProducerVersion = FaceModelConverter.Version,
            Graph = graph,
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = OpsetVersion });
        return model;
    }

    private static (long[] Pads, int Height, int Width) Pads(OnnxValue x, int kernel, int stride, Padding padding)
    {
        return padding switch
        {
            Padding.Valid => ([0, 0, 0, 0], (x.Height - kernel) / stride + 1, (x.Width - kernel) / stride + 1),
            Padding.Symmetric1 => ([1, 1, 1, 1], (x.Height + 2 - kernel) / stride + 1, (x.Width + 2 - kernel) / stride + 1),
            Padding.TensorFlowSame => Same(x, kernel, stride),
            _ => throw new ArgumentOutOfRangeException(nameof(padding)),
        };
    }

    // TensorFlow: out = ceil(in / stride); the total padding is split with the smaller half first.
    private static (long[] Pads, int Height, int Width) Same(OnnxValue x, int kernel, int stride)
    {
        static (int Before, int After, int Out) Axis(int size, int kernel, int stride)
        {
            var output = (size + stride - 1) / stride;
            var total = Math.Max((output - 1) * stride + kernel - size, 0);
            return (total / 2, total - total / 2, output);
        }
        var (top, bottom, height) = Axis(x.Height, kernel, stride);
        var (left, right, width) = Axis(x.Width, kernel, stride);
        return ([top, left, bottom, right], height, width);
    }

    private string Node(string opType, IEnumerable<string> inputs, params AttributeProto[] attributes)
    {
        var output = $"{opType.ToLowerInvariant()}_{nextId++}";
        var node = new NodeProto { OpType = opType, Name = output, Output = { output } };
        node.Input.AddRange(inputs);
        node.Attribute.AddRange(attributes);
        graph.Node.Add(node);
        return output;
    }

    private string Constant(float[] values, params long[] dims)
    {
        if (values.Length != dims.Aggregate(1L, (p, d) => p * d))
        {
            throw new FaceModelConversionException($"{values.Length} values do not fill a [{string.Join(',', dims)}] tensor.");
        }
        var name = $"w_{nextId++}";
        var bytes = new byte[values.Length * sizeof(float)];
        Buffer.BlockCopy(values, 0, bytes, 0, bytes.Length);
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float, RawData = ByteString.CopyFrom(bytes) };
        tensor.Dims.AddRange(dims);
        graph.Initializer.Add(tensor);
        return name;
    }

    private string ConstantInt64(long[] values, params long[] dims)
    {
        var name = $"w_{nextId++}";
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Int64 };
        tensor.Int64Data.AddRange(values);
        tensor.Dims.AddRange(dims);
        graph.Initializer.Add(tensor);
        return name;
    }

    private static AttributeProto Attribute(string name, params long[] values)
    {
        var attribute = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        attribute.Ints.AddRange(values);
        return attribute;
    }

    private static AttributeProto Attribute(string name, long value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    private static AttributeProto Attribute(string name, float value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Float, F = value };

    private static ValueInfoProto ValueInfo(string name, params long[] shape)
    {
        var tensorShape = new TensorShapeProto();
        foreach (var dimension in shape)
        {
            tensorShape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = dimension });
        }
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = tensorShape } },
        };
    }
}
