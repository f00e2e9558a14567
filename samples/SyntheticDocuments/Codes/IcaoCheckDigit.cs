namespace SmartKiosk.Samples.SyntheticDocuments.Codes;

/// <summary>ICAO 9303 check digit: weights 7-3-1 repeating, digits as themselves, A-Z as 10-35, '&lt;' as 0.</summary>
public static class IcaoCheckDigit
{
    public static char Compute(string data)
    {
        int[] weights = [7, 3, 1];
        var sum = 0;
        for (var i = 0; i < data.Length; i++)
        {
            sum += Value(data[i]) * weights[i % 3];
        }

        return (char)('0' + (sum % 10));
    }

    private static int Value(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'A' and <= 'Z' => c - 'A' + 10,
        '<' => 0,
        _ => throw new ArgumentException($"'{c}' is not an MRZ character.", nameof(c)),
    };
}
