namespace SmartKiosk.Samples.SyntheticDocuments.Tests;

/// <summary>An independent re-implementation of the ICAO 9303 check digit, so the test does not trust the generator's.</summary>
internal static class IcaoRule
{
    public static int CheckDigit(string data)
    {
        var weights = new[] { 7, 3, 1 };
        var total = 0;
        for (var i = 0; i < data.Length; i++)
        {
            var c = data[i];
            var value = char.IsAsciiDigit(c) ? c - '0' : char.IsAsciiLetterUpper(c) ? c - 'A' + 10 : c == '<' ? 0 : throw new ArgumentException($"bad MRZ char {c}");
            total += value * weights[i % 3];
        }

        return total % 10;
    }

    public static int Digit(string line, int position) => line[position - 1] - '0';

    /// <summary>1-based inclusive slice, as ICAO documents positions.</summary>
    public static string Slice(string line, int from, int to) => line.Substring(from - 1, to - from + 1);
}
