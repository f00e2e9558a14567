namespace SmartKiosk.Activities.Faces.Descriptors;

/// <summary>
/// A 128-d face descriptor (not normalised; its length is about 1.4–1.5). Two photos of one person
/// lie close in Euclidean distance. Biometric data: kept in memory for a decision, never stored or logged.
/// </summary>
public sealed class FaceDescriptor
{
    public const int Length = 128;
    private readonly float[] values;

    public FaceDescriptor(float[] values)
    {
        if (values.Length != Length)
        {
            throw new ArgumentException($"A face descriptor has {Length} values, not {values.Length}.", nameof(values));
        }
        this.values = values;
    }

    public ReadOnlySpan<float> Values => values;

    public double DistanceTo(FaceDescriptor other)
    {
        double sum = 0;
        for (var i = 0; i < Length; i++)
        {
            var d = (double)values[i] - other.values[i];
            sum += d * d;
        }
        return Math.Sqrt(sum);
    }

    /// <summary>The element-wise mean: one descriptor standing for several captures of one face.</summary>
    public static FaceDescriptor Mean(IReadOnlyCollection<FaceDescriptor> descriptors)
    {
        if (descriptors.Count == 0)
        {
            throw new ArgumentException("No descriptors to average.", nameof(descriptors));
        }
        var mean = new double[Length];
        foreach (var descriptor in descriptors)
        {
            for (var i = 0; i < Length; i++)
            {
                mean[i] += descriptor.values[i];
            }
        }
        return new FaceDescriptor([.. mean.Select(v => (float)(v / descriptors.Count))]);
    }

    // Never print the numbers: they are biometric data.
    public override string ToString() => "FaceDescriptor(128)";
}
