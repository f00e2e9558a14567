namespace SmartKiosk.Activities.Issuance.Codes;

/// <summary>
/// The check symbol of the codes people type (verification codes, receipt codes): with weights
/// 1…n on the n symbols and n+1 on the check, the weighted sum is ≡ 0 modulo the prime 31. A prime
/// modulus is what makes every single change and every neighbour swap change the sum; Luhn mod 30
/// missed the swap of the alphabet's first and last symbols.
/// </summary>
public static class CheckSymbol
{
    /// <summary>30 symbols: digits 2–9 and the letters that cannot be read as another symbol (no 0/O, 1/I/L, U).</summary>
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";

    private const int Modulus = 31;

    /// <summary>The check value for <paramref name="symbols"/>; 30 (no symbol) means "draw again".</summary>
    public static int Value(ReadOnlySpan<char> symbols)
    {
        var sum = 0;
        for (var i = 0; i < symbols.Length; i++)
        {
            sum += (i + 1) * Alphabet.IndexOf(symbols[i], StringComparison.Ordinal);
        }
        var checkWeightInverse = Inverse((symbols.Length + 1) % Modulus);
        return (Modulus - sum % Modulus) % Modulus * checkWeightInverse % Modulus;
    }

    /// <summary>Reads a typed code: case, spaces and dashes do not matter; a symbol outside the alphabet or a wrong check is refused, never guessed.</summary>
    public static string? Normalize(string? text, int length)
    {
        if (text is null || text.Length > 64)
        {
            return null;
        }
        Span<char> symbols = stackalloc char[length];
        var count = 0;
        foreach (var c in text)
        {
            if (c is '-' or ' ' or '\t')
            {
                continue;
            }
            var upper = char.ToUpperInvariant(c);
            if (count == length || Alphabet.IndexOf(upper, StringComparison.Ordinal) < 0)
            {
                return null;
            }
            symbols[count++] = upper;
        }
        return count == length && Value(symbols[..(length - 1)]) == Alphabet.IndexOf(symbols[length - 1], StringComparison.Ordinal)
            ? new string(symbols)
            : null;
    }

    /// <summary>A random code of <paramref name="length"/> symbols, the last being the check.</summary>
    public static string New(int length)
    {
        Span<char> symbols = stackalloc char[length];
        int check;
        do
        {
            for (var i = 0; i < length - 1; i++)
            {
                symbols[i] = Alphabet[System.Security.Cryptography.RandomNumberGenerator.GetInt32(Alphabet.Length)];
            }
            check = Value(symbols[..(length - 1)]);
        }
        // Modulo 31 the check can be 30, which has no symbol: draw again (1 draw in 31).
        while (check >= Alphabet.Length);
        symbols[length - 1] = Alphabet[check];
        return new string(symbols);
    }

    /// <summary>Groups of four for printing and reading aloud.</summary>
    public static string Format(string value) => string.Join('-', value.Chunk(4).Select(group => new string(group)));

    // Fermat: a^(p-2) is a's inverse modulo the prime p.
    private static int Inverse(int a)
    {
        var result = 1;
        for (var i = 0; i < Modulus - 2; i++)
        {
            result = result * a % Modulus;
        }
        return result;
    }
}
