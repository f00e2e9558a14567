using System.Security.Cryptography;

namespace SmartKiosk.Activities.Issuance.Codes;

/// <summary>
/// The public code printed on a certified copy: 17 random symbols (83 bits, so it cannot be guessed)
/// from an alphabet without look-alikes (no 0/O, 1/I/L, U), plus a check symbol that catches any single
/// mistyped symbol and any swap of two neighbours. Written in groups of four: <c>K7PM-3QXD-9FWA-2HTN-RC</c>.
/// </summary>
public readonly record struct VerificationCode
{
    /// <summary>30 symbols: digits 2–9 and the letters that cannot be read as another symbol.</summary>
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";

    public const int RandomLength = 17;

    private VerificationCode(string value) => Value = value;

    /// <summary>The 18 symbols without separators.</summary>
    public string Value { get; }

    public static VerificationCode New()
    {
        Span<char> symbols = stackalloc char[RandomLength + 1];
        for (var i = 0; i < RandomLength; i++)
        {
            symbols[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }
        symbols[RandomLength] = CheckSymbol(symbols[..RandomLength]);
        return new VerificationCode(new string(symbols));
    }

    /// <summary>
    /// Reads a code as a person typed it: case, spaces and dashes do not matter; a symbol outside the
    /// alphabet (0, O, 1, I, L, U) or a wrong check symbol is refused, never guessed.
    /// </summary>
    public static bool TryParse(string? text, out VerificationCode code)
    {
        code = default;
        if (text is null || text.Length > 64)
        {
            return false;
        }
        Span<char> symbols = stackalloc char[RandomLength + 1];
        var count = 0;
        foreach (var c in text)
        {
            if (c is '-' or ' ' or '\t')
            {
                continue;
            }
            var upper = char.ToUpperInvariant(c);
            if (count == symbols.Length || Alphabet.IndexOf(upper, StringComparison.Ordinal) < 0)
            {
                return false;
            }
            symbols[count++] = upper;
        }
        if (count != symbols.Length || CheckSymbol(symbols[..RandomLength]) != symbols[RandomLength])
        {
            return false;
        }
        code = new VerificationCode(new string(symbols));
        return true;
    }

    /// <summary>Groups of four for printing and reading aloud.</summary>
    public string Formatted
    {
        get
        {
            var value = Value ?? "";
            return string.Join('-', value.Chunk(4).Select(group => new string(group)));
        }
    }

    public override string ToString() => Formatted;

    // Luhn mod N: doubling every second symbol from the right makes neighbour swaps change the sum.
    private static char CheckSymbol(ReadOnlySpan<char> symbols)
    {
        var n = Alphabet.Length;
        var factor = 2;
        var sum = 0;
        for (var i = symbols.Length - 1; i >= 0; i--)
        {
            var addend = factor * Alphabet.IndexOf(symbols[i], StringComparison.Ordinal);
            factor = factor == 2 ? 1 : 2;
            sum += addend / n + addend % n;
        }
        return Alphabet[(n - sum % n) % n];
    }
}
