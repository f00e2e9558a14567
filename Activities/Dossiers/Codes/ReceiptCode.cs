using SmartKiosk.Activities.Issuance.Codes;

namespace SmartKiosk.Activities.Dossiers.Codes;

/// <summary>
/// The code on the citizen's receipt: it looks a dossier up and resumes it at any kiosk, so it is
/// a bearer secret — 11 random symbols (54 bits; lookups are rate-limited) and a check symbol that
/// catches a mistyped or swapped symbol before any lookup. Written <c>K7PM-3QXD-9FWR</c>.
/// </summary>
public readonly record struct ReceiptCode
{
    public const int Length = 12;

    private ReceiptCode(string value) => Value = value;

    /// <summary>The 12 symbols without separators.</summary>
    public string Value { get; }

    public string Formatted => CheckSymbol.Format(Value ?? "");

    public static ReceiptCode New() => new(CheckSymbol.New(Length));

    public static bool TryParse(string? text, out ReceiptCode code)
    {
        var value = CheckSymbol.Normalize(text, Length);
        code = value is null ? default : new ReceiptCode(value);
        return value is not null;
    }

    public override string ToString() => Formatted;
}
