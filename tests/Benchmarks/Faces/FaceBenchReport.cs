using System.Globalization;
using SmartKiosk.Activities.Faces.Matching;

namespace SmartKiosk.Benchmarks.Faces;

/// <summary>The benchmark's numbers, judged at the default thresholds (accept &lt; 0.50, review 0.50–0.55).</summary>
public sealed record FaceBenchReport(
    int People,
    IReadOnlyList<PairDistance> Same,
    IReadOnlyList<PairDistance> Different,
    int RefusedByKioskChecks,
    IReadOnlyList<string> UnusableOriginals,
    IReadOnlyList<double> LatencyOneThreadMs,
    IReadOnlyList<double> LatencyTwoThreadsMs,
    long ModelMemoryBytes,
    long PeakWorkingSetBytes)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static double Accept => FaceMatchThresholds.DefaultAccept;

    public static double Review => FaceMatchThresholds.DefaultReview;

    public void Print(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine(FormattableString.Invariant($"Face verification benchmark: {People} demo faces, {People - UnusableOriginals.Count} enrolled, {Same.Count} same-face pairs, {Different.Count} different-people pairs"));
        foreach (var note in UnusableOriginals)
        {
            output.WriteLine($"  not enrolled (the picture does not show one usable face): {note}");
        }
        output.WriteLine(FormattableString.Invariant($"Thresholds: accept < {Accept:F2}, review band {Accept:F2}–{Review:F2}, reject ≥ {Review:F2}"));
        output.WriteLine();

        var measuredDifferent = Measured(Different);
        output.WriteLine("Different people");
        output.WriteLine(FormattableString.Invariant($"  false accepts (< {Accept:F2}): {Count(measuredDifferent, d => d < Accept)} of {measuredDifferent.Count} ({Rate(measuredDifferent, d => d < Accept)})"));
        output.WriteLine(FormattableString.Invariant($"  in the review band:           {Count(measuredDifferent, d => d >= Accept && d < Review)} ({Rate(measuredDifferent, d => d >= Accept && d < Review)})"));
        output.WriteLine(FormattableString.Invariant($"  distance min {Min(measuredDifferent)}, 5th percentile {Percentile(measuredDifferent, 0.05)}, median {Percentile(measuredDifferent, 0.5)}"));
        output.WriteLine(FormattableString.Invariant($"  not compared (no usable face): {Different.Count - measuredDifferent.Count}"));
        foreach (var pair in Different.Where(p => p.Distance < Review).OrderBy(p => p.Distance))
        {
            output.WriteLine(FormattableString.Invariant($"  closest: {pair.Names} ({pair.Kind}) {pair.Distance:F3}"));
        }

        output.WriteLine();

        var measuredSame = Measured(Same);
        var notCompared = Same.Count - measuredSame.Count;
        output.WriteLine("Same face");
        output.WriteLine(FormattableString.Invariant($"  false rejects (≥ {Review:F2}): {Count(measuredSame, d => d >= Review)} of {measuredSame.Count} ({Rate(measuredSame, d => d >= Review)})"));
        output.WriteLine(FormattableString.Invariant($"  in the review band:  {Count(measuredSame, d => d >= Accept && d < Review)} ({Rate(measuredSame, d => d >= Accept && d < Review)})"));
        output.WriteLine(FormattableString.Invariant($"  accepted:            {Count(measuredSame, d => d < Accept)} ({Rate(measuredSame, d => d < Accept)})"));
        output.WriteLine(FormattableString.Invariant($"  distance max {Max(measuredSame)}, 95th percentile {Percentile(measuredSame, 0.95)}, median {Percentile(measuredSame, 0.5)}"));
        output.WriteLine(FormattableString.Invariant($"  not compared (no usable face on one side): {notCompared}"));
        foreach (var pair in Same.Where(p => p.Distance >= Accept).OrderByDescending(p => p.Distance))
        {
            output.WriteLine(FormattableString.Invariant($"  farthest: {pair.Names} ({pair.Kind}) {pair.Distance:F3}"));
        }
        output.WriteLine();
        output.WriteLine("  kind                 pairs   mean    max   not compared");
        foreach (var group in Same.GroupBy(p => p.Kind))
        {
            var distances = Measured([.. group]);
            output.WriteLine(FormattableString.Invariant($"  {group.Key,-20} {group.Count(),5}  {(distances.Count == 0 ? "-" : distances.Average().ToString("F3", Invariant)),5}  {Max(distances),5}  {group.Count() - distances.Count,5}"));
        }
        output.WriteLine();
        output.WriteLine(FormattableString.Invariant($"Kiosk capture checks would have refused {RefusedByKioskChecks} of the {People - UnusableOriginals.Count} enrolled demo photos as live frames (head turned or eyes closed); they are measured anyway."));
        output.WriteLine();
        output.WriteLine("Latency per face (detection + 68 landmarks + one descriptor), ms");
        output.WriteLine(FormattableString.Invariant($"  IntraOpNumThreads=1: mean {LatencyOneThreadMs.Average():F1}, p50 {Percentile(LatencyOneThreadMs, 0.5)}, p95 {Percentile(LatencyOneThreadMs, 0.95)} ({LatencyOneThreadMs.Count} faces)"));
        output.WriteLine(FormattableString.Invariant($"  IntraOpNumThreads=2: mean {LatencyTwoThreadsMs.Average():F1}, p50 {Percentile(LatencyTwoThreadsMs, 0.5)}, p95 {Percentile(LatencyTwoThreadsMs, 0.95)} ({LatencyTwoThreadsMs.Count} faces)"));
        output.WriteLine(FormattableString.Invariant($"Memory: models loaded +{ModelMemoryBytes / 1048576.0:F0} MiB working set; peak working set {PeakWorkingSetBytes / 1048576.0:F0} MiB"));
    }

    public static List<double> Measured(IReadOnlyList<PairDistance> pairs) =>
        [.. pairs.Where(p => p.Distance is not null).Select(p => p.Distance!.Value)];

    private static int Count(List<double> values, Func<double, bool> predicate) => values.Count(predicate);

    private static string Rate(List<double> values, Func<double, bool> predicate) => Percent(values.Count(predicate), values.Count);

    private static string Percent(int part, int total) => total == 0 ? "-" : (100.0 * part / total).ToString("F1", Invariant) + " %";

    private static string Min(List<double> values) => values.Count == 0 ? "-" : values.Min().ToString("F3", Invariant);

    private static string Max(List<double> values) => values.Count == 0 ? "-" : values.Max().ToString("F3", Invariant);

    private static string Percentile(IReadOnlyList<double> values, double share)
    {
        if (values.Count == 0)
        {
            return "-";
        }
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Round(share * (sorted.Count - 1))].ToString("F3", Invariant);
    }
}
