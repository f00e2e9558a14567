namespace SmartKiosk.Activities.Recognition.IdCards;

/// <summary>ICAO 9303 check digits: weights 7, 3, 1 repeating; digits as themselves, A–Z as 10–35, the filler as 0.</summary>
public static class IcaoCheckDigit
{
    public static int Compute(ReadOnlySpan<char> data)
    {
        var sum = 0;
        for (var i = 0; i < data.Length; i++)
        {
            var c = data[i];
            var value = c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'A' and <= 'Z' => c - 'A' + 10,
                _ => 0,
            };
            sum += value * (i % 3) switch { 0 => 7, 1 => 3, _ => 1 };
        }

        return sum % 10;
    }

    public static bool Verify(ReadOnlySpan<char> data, char check) =>
        char.IsAsciiDigit(check) && Compute(data) == check - '0';
}
