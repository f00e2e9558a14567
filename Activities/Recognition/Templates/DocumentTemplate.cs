using SmartKiosk.Activities.Recognition.Findings;

namespace SmartKiosk.Activities.Recognition.Templates;

/// <summary>
/// A document type as data: how to recognise it (keywords, shape, codes it carries), which fields to
/// read and how, and which checks its values must pass. Stored as JSON (seeded from
/// <c>Recognition/Templates/Seed</c>) so administrators can edit it without a release.
/// </summary>
public sealed record DocumentTemplate
{
    public required string Id { get; init; }
    public required LocalizedText Name { get; init; }

    /// <summary>card, a4 or any.</summary>
    public string Shape { get; init; } = "any";

    /// <summary>Words printed on every such document; their weighted share is the classification score.</summary>
    public IReadOnlyList<TemplateKeyword> Keywords { get; init; } = [];

    /// <summary>Codes the document carries: "cccd-qr", "land-qr", "td1-mrz".</summary>
    public IReadOnlyList<string> Codes { get; init; } = [];

    public IReadOnlyList<FieldRule> Fields { get; init; } = [];

    public IReadOnlyList<ValidatorRule> Validators { get; init; } = [];

    /// <summary>A field read with less confidence than this (0–1) goes to review.</summary>
    public double MinFieldConfidence { get; init; } = 0.75;

    /// <summary>The fallback used when nothing else matches: OCR text only, always for review.</summary>
    public bool IsFallback { get; init; }

    /// <summary>Where the holder's photo is on the normalised document (ID cards); null when it has none.</summary>
    public RelativeZone? PortraitZone { get; init; }
}

/// <summary>A word or phrase and its weight in classification.</summary>
public sealed record TemplateKeyword(string Text, double Weight = 1);

/// <summary>
/// How to read one field: after which printed label (anchors, any of which may match, accents and
/// spacing ignored), on the same line or below it, what the value looks like (a regular
/// expression) and how to normalise it.
/// </summary>
public sealed record FieldRule
{
    public required string Key { get; init; }
    public required LocalizedText Label { get; init; }
    public IReadOnlyList<string> Anchors { get; init; } = [];

    /// <summary>same-line, next-line, or same-or-next-line (the value may wrap below a long label).</summary>
    public string Placement { get; init; } = "same-or-next-line";

    /// <summary>Lines a value may run over (an address).</summary>
    public int MaxLines { get; init; } = 1;

    /// <summary>A regular expression the raw value must contain; the match is the value.</summary>
    public string? Pattern { get; init; }

    /// <summary>text, upper-name, name, date, id12, digits, sex, serial, choice.</summary>
    public string Normaliser { get; init; } = "text";

    /// <summary>For the choice normaliser: the closed list of printed values (fixes misread tone marks).</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    public bool Required { get; init; } = true;

    /// <summary>The label is part of the value (a signature block: "GIÁM ĐỐC SỞ GIÁO DỤC VÀ ĐÀO TẠO HÀ NỘI").</summary>
    public bool IncludeAnchor { get; init; }

    /// <summary>Contains personal data (names, numbers, addresses): redacted where journals are shown.</summary>
    public bool Personal { get; init; } = true;
}

/// <summary>A check over extracted values, with the severity of its failure.</summary>
public sealed record ValidatorRule
{
    /// <summary>not-future, not-expired, after, id-number-birth, age-renewal.</summary>
    public required string Rule { get; init; }
    public IReadOnlyList<string> Fields { get; init; } = [];

    /// <summary>review (a clerk looks) or invalid (the original cannot be certified as it is).</summary>
    public string Severity { get; init; } = "review";
}
