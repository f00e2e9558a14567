namespace SmartKiosk.Activities.Issuance.Codes;

/// <summary>
/// The public code printed on a certified copy: 17 random symbols (83 bits, so it cannot be guessed)
/// from an alphabet without look-alikes, plus a check symbol that catches any single mistyped symbol
/// and any swap of two neighbours (<see cref="CheckSymbol"/>). Written in groups of four:
/// <c>K7PM-3QXD-9FWA-2HTN-RC</c>.
/// </summary>
public readonly record struct VerificationCode
{
    /// <summary>30 symbols: digits 2–9 and the letters that cannot be read as another symbol.</summary>
    public const string Alphabet = CheckSymbol.Alphabet;

    public const int RandomLength = 17;

    private VerificationCode(string value) => Value = value;

    /// <summary>The 18 symbols without separators.</summary>
    public string Value { get; }

    public static VerificationCode New() => new(CheckSymbol.New(RandomLength + 1));

    /// <summary>
    /// Reads a code as a person typed it: case, spaces and dashes do not matter; a symbol outside the
    /// alphabet (0, O, 1, I, L, U) or a wrong check symbol is refused, never guessed.
    /// </summary>
    public static bool TryParse(string? text, out VerificationCode code)
    {
        var value = CheckSymbol.Normalize(text, RandomLength + 1);
        code = value is null ? default : new VerificationCode(value);
        return value is not null;
    }

    /// <summary>Groups of four for printing and reading aloud.</summary>
    public string Formatted => CheckSymbol.Format(Value ?? "");

    public override string ToString() => Formatted;
}
