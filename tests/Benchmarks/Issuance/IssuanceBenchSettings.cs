using System.Globalization;

namespace SmartKiosk.Benchmarks.Issuance;

/// <summary><c>--smoke</c> (a few copies, a two-second load, for ./test.sh), <c>--copies N</c>, <c>--seconds N</c>, <c>--connections N</c>.</summary>
public sealed record IssuanceBenchSettings(bool Smoke, int Copies, int Seconds, int Connections)
{
    public static IssuanceBenchSettings Parse(string[] args)
    {
        var smoke = args.Contains("--smoke");
        int Value(string name, int fallback)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
        }
        return new IssuanceBenchSettings(smoke, Value("--copies", smoke ? 3 : 60), Value("--seconds", smoke ? 2 : 15), Value("--connections", 32));
    }
}
