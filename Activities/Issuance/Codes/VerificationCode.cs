using System.Security.Cryptography;

namespace SmartKiosk.Activities.Issuance.Codes;

/// <summary>
/// The public code printed on a certified copy: 17 random symbols (83 bits, so it cannot be guessed)
/// from an alphabet without look-alikes (no 0/O, 1/I/L, U), plus a check symbol that catches any single
/// mistyped symbol and any swap of two neighbours. Written in groups of four: <c>K7PM-3QXD-9FWA-2HTN-RC</c>.
/// The check is a weighted sum modulo the prime 31 (weights 1…18): a prime modulus is what makes every
/// single change and every neighbour swap change the sum; Luhn mod 30 missed the swap of the first and
/// last symbols of the alphabet.
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
        int check;
        do
        {
            for (var i = 0; i < RandomLength; i++)
            {
                symbols[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
            }
            check = CheckValue(symbols[..RandomLength]);
        }
        // Modulo 31 the check can be 30, which has no symbol: draw again (1 draw in 31; < 0.05 bit lost).
        while (check >= Alphabet.Length);
        symbols[RandomLength] = Alphabet[check];
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
        if (count != symbols.Length || CheckValue(symbols[..RandomLength]) != Alphabet.IndexOf(symbols[RandomLength], StringComparison.Ordinal))
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

    /// <summary>The check value c that makes Σ weightᵢ·valueᵢ + 18·c ≡ 0 (mod 31), weights 1…17 for the random symbols.</summary>
    private static int CheckValue(ReadOnlySpan<char> symbols)
    {
        const int Modulus = 31;
        const int CheckWeightInverse = 19; // 18 · 19 = 342 = 11 · 31 + 1
        var sum = 0;
        for (var i = 0; i < symbols.Length; i++)
        {
            sum += (i + 1) * Alphabet.IndexOf(symbols[i], StringComparison.Ordinal);
        }
        return (Modulus - sum % Modulus) % Modulus * CheckWeightInverse % Modulus;
    }
}
