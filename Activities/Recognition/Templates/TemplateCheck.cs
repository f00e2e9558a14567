using System.Text.Json;
using System.Text.RegularExpressions;

namespace SmartKiosk.Activities.Recognition.Templates;

/// <summary>
/// Reads a template an administrator wrote and says what is wrong with it, in terms they can fix:
/// well-formed and bounded JSON, ids and keys in their patterns, names without markup, known shapes,
/// normalisers and validator rules, patterns that compile, zones inside the page. Nothing is stored
/// unless this passes.
/// </summary>
public static partial class TemplateCheck
{
    public const int MaxBytes = 256 * 1024;

    public static IReadOnlyList<string> Normalisers { get; } = ["text", "date", "id12", "digits", "upper-name", "name", "sex", "choice", "serial", "area"];

    public static IReadOnlyList<string> Rules { get; } = ["not-future", "not-expired", "after", "id-number-birth"];

    public static IReadOnlyList<string> Placements { get; } = ["same-line", "next-line", "same-or-next-line"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = 16,
        RespectNullableAnnotations = true,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>The template, or the problems (never both).</summary>
    public static (DocumentTemplate? Template, IReadOnlyList<string> Problems) Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (System.Text.Encoding.UTF8.GetByteCount(json) > MaxBytes)
        {
            return (null, [$"The template is larger than {MaxBytes / 1024} KB."]);
        }

        DocumentTemplate? template;
        try
        {
            template = JsonSerializer.Deserialize<DocumentTemplate>(json, Json);
        }
        catch (JsonException ex)
        {
            return (null, [$"Not a valid template: {ex.Message}"]);
        }

        if (template is null)
        {
            return (null, ["The template is empty."]);
        }

        var problems = Check(template);
        return problems.Count == 0 ? (template, problems) : (null, problems);
    }

    private static readonly JsonSerializerOptions Output = new(JsonSerializerDefaults.Web) { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Indented, Vietnamese letters as themselves (the editor shows them as written).</summary>
    public static string Write(DocumentTemplate template) => JsonSerializer.Serialize(template, Output);

    private static List<string> Check(DocumentTemplate t)
    {
        // JSON null where a list or an item belongs (the reader takes "fields": [null] as written).
        if (t.Name is null || t.Keywords is null || t.Fields is null || t.Validators is null || t.Codes is null
            || t.Keywords.Any(k => k is null) || t.Fields.Any(f => f is null || f.Label is null || f.Anchors is null || f.Choices is null)
            || t.Validators.Any(v => v is null || v.Fields is null) || t.Codes.Any(c => c is null))
        {
            return ["The template has an empty value (null) where a name, a list or an item belongs."];
        }

        var problems = new List<string>();
        void Require(bool ok, string problem)
        {
            if (!ok)
            {
                problems.Add(problem);
            }
        }

        Require(IdPattern().IsMatch(t.Id ?? ""), "The id is 2–64 lower-case letters, digits or dashes.");
        Require(PlainText(t.Name?.Vi) && PlainText(t.Name?.En), "The name needs Vietnamese and English text without markup.");
        Require(t.Shape is "any" or "card" or "a4", $"Unknown shape '{t.Shape}' (any, card, a4).");
        Require(t.MinFieldConfidence is >= 0 and <= 1, "The minimum field confidence is between 0 and 1.");
        Require(t.Fields.Count <= 100 && t.Keywords.Count <= 100 && t.Validators.Count <= 100, "At most 100 fields, keywords and validators.");
        Require(t.IsFallback || t.Keywords.Count > 0, "A template needs keywords to be recognised by.");
        foreach (var keyword in t.Keywords)
        {
            Require(keyword.Text is { Length: > 0 and <= 200 } && keyword.Weight is > 0 and <= 10, $"Keyword '{keyword.Text}': 1–200 characters, weight above 0 and at most 10.");
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in t.Fields)
        {
            var name = field.Key ?? "";
            Require(KeyPattern().IsMatch(name), $"Field key '{name}' is a letter then letters or digits (at most 64).");
            Require(keys.Add(name), $"Field key '{name}' is used twice.");
            Require(PlainText(field.Label?.Vi) && PlainText(field.Label?.En), $"Field '{name}' needs a Vietnamese and an English label without markup.");
            Require(Normalisers.Contains(field.Normaliser), $"Field '{name}': unknown normaliser '{field.Normaliser}' ({string.Join(", ", Normalisers)}).");
            Require(Placements.Contains(field.Placement), $"Field '{name}': unknown placement '{field.Placement}' ({string.Join(", ", Placements)}).");
            Require(field.MaxLines is >= 1 and <= 10, $"Field '{name}': 1–10 lines.");
            Require(field.Anchors.All(a => a is { Length: > 0 and <= 200 }), $"Field '{name}': anchors are 1–200 characters.");
            Require(field.Normaliser != "choice" || field.Choices.Count > 0, $"Field '{name}': a choice needs its choices.");
            if (field.Pattern is { } pattern)
            {
                Require(pattern.Length <= 500 && Compiles(pattern), $"Field '{name}': the pattern is not a valid regular expression (at most 500 characters).");
            }
        }

        foreach (var validator in t.Validators)
        {
            Require(Rules.Contains(validator.Rule), $"Unknown validator rule '{validator.Rule}' ({string.Join(", ", Rules)}).");
            Require(validator.Fields.All(keys.Contains), $"Validator '{validator.Rule}' names a field the template does not have.");
            Require(validator.Severity is "review" or "invalid", $"Validator '{validator.Rule}': severity is review or invalid.");
        }

        if (t.PortraitZone is { } zone)
        {
            Require(zone.X >= 0 && zone.Y >= 0 && zone.Width > 0 && zone.Height > 0 && zone.X + zone.Width <= 1 && zone.Y + zone.Height <= 1, "The portrait zone lies inside the page (fractions 0–1).");
        }

        return problems;
    }

    private static bool PlainText(string? text) => text is { Length: > 0 and <= 200 } && text.IndexOfAny(['<', '>']) < 0;

    private static bool Compiles(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,63}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{0,63}$")]
    private static partial Regex KeyPattern();
}
