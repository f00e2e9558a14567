using System.Globalization;

namespace SmartKiosk.Benchmarks.Officer;

/// <summary>
/// The bench's arguments: --smoke (a handful: 1 single, 3 in a batch), --single N dossiers approved one
/// by one, --batch N approved in one batch (at most one inbox page, 20).
/// </summary>
public sealed record OfficerBenchSettings(bool Smoke, int Single, int Batch)
{
    public static OfficerBenchSettings Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var smoke = args.Contains("--smoke");
        int Value(string name, int fallback)
        {
            var at = args.ToList().IndexOf(name);
            return at >= 0 && at + 1 < args.Count ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
        }
        var batch = Math.Clamp(Value("--batch", smoke ? 3 : 20), 1, 20);
        return new OfficerBenchSettings(smoke, Math.Max(1, Value("--single", smoke ? 1 : 5)), batch);
    }
}
