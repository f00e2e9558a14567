using System.Globalization;

namespace SmartKiosk.Samples.KioskSimulator.Cli;

/// <summary>Reads <c>--name value</c>, repeated <c>--name a --name b</c> and <c>--flag</c> arguments.</summary>
public sealed class ArgumentReader
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    public ArgumentReader(IEnumerable<string> args, IReadOnlySet<string> flags)
    {
        ArgumentNullException.ThrowIfNull(flags);
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            var name = e.Current;
            if (!name.StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Unexpected argument '{name}'.");
            }
            if (flags.Contains(name))
            {
                _flags.Add(name);
                continue;
            }
            if (!e.MoveNext())
            {
                throw new ArgumentException($"{name} needs a value.");
            }
            if (!_values.TryGetValue(name, out var list))
            {
                _values[name] = list = [];
            }
            list.Add(e.Current);
        }
    }

    public bool Flag(string name) => _flags.Contains(name);

    public string? Value(string name) => _values.TryGetValue(name, out var list) ? list[^1] : null;

    public IReadOnlyList<string> Values(string name) => _values.TryGetValue(name, out var list) ? list : [];

    public int Int(string name, int fallback) =>
        Value(name) is { } text
            ? int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : throw new ArgumentException($"{name} must be a whole number.")
            : fallback;
}
