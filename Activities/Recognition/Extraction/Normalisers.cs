using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SmartKiosk.Activities.Recognition.Templates;
using SmartKiosk.Activities.Recognition.Text;

namespace SmartKiosk.Activities.Recognition.Extraction;

/// <summary>
/// Turns raw OCR text into a field's canonical value. Where the expected form allows it the
/// normaliser repairs typical OCR confusions (O for 0 in a number, a lost tone mark in a closed list
/// of values); every repair lowers the confidence, so a repaired value is never silently trusted.
/// </summary>
public static partial class Normalisers
{
    /// <summary>The result: the value, a factor applied to the OCR confidence, or null when the raw text is not of this kind.</summary>
    /// <param name="Value">The canonical value.</param>
    /// <param name="ConfidenceFactor">Applied to the OCR confidence (below 1 after a repair).</param>
    /// <param name="ConfidenceFloor">
    /// The confidence the value deserves whatever the OCR said: a read that folds to exactly one
    /// entry of a closed list ("Nu" → "Nữ") cannot be another value.
    /// </param>
    public readonly record struct Normalised(string Value, double ConfidenceFactor, double ConfidenceFloor = 0);

    private const double RepairFactor = 0.75;

    /// <summary>
    /// A template's pattern against read text. Patterns are written by administrators: one that runs away
    /// (catastrophic backtracking) is cut at 200 ms and counts as no match, so the field goes to review
    /// instead of failing the dossier.
    /// </summary>
    public static Match SafeMatch(string text, string pattern)
    {
        try
        {
            return Regex.Match(text, pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));
        }
        catch (RegexMatchTimeoutException)
        {
            return Match.Empty;
        }
    }

    public static Normalised? Apply(FieldRule rule, string raw)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var text = VietnameseText.Clean(raw).Trim(' ', ':', ';', ',', '.', '|', '/', '-', '_');
        if (rule.Pattern is { } pattern)
        {
            var match = SafeMatch(text, pattern);
            if (!match.Success)
            {
                return rule.Normaliser is "date" or "id12" or "digits" ? Digits(rule, text) : null;
            }

            text = match.Value;
        }

        if (text.Length == 0)
        {
            return null;
        }

        return rule.Normaliser switch
        {
            "date" => Date(text),
            "id12" => Id12(text),
            "digits" => DigitsOnly(text),
            "upper-name" => Name(text, upper: true),
            "name" => Name(text, upper: false),
            "sex" => Choice(text, ["Nam", "Nữ"]),
            "choice" => Choice(text, rule.Choices),
            "serial" => Serial(text),
            "area" => Area(text),
            _ => Text(text),
        };
    }

    // A pattern that failed on raw text may still succeed once look-alike letters are digits again.
    private static Normalised? Digits(FieldRule rule, string text) => rule.Normaliser switch
    {
        "date" => Date(text),
        "id12" => Id12(text),
        _ => DigitsOnly(text),
    };

    public static Normalised? Date(string text)
    {
        var (digits, repaired) = AsDigits(text, keep: "/.-");
        var match = DatePattern().Match(digits);
        if (!match.Success)
        {
            return null;
        }

        var value = $"{match.Groups[1].Value.PadLeft(2, '0')}/{match.Groups[2].Value.PadLeft(2, '0')}/{match.Groups[3].Value}";
        return FieldDate.Parse(value) is not null
            ? new Normalised(value, repaired ? RepairFactor : 1)
            : null;
    }

    private static Normalised? Id12(string text)
    {
        var (digits, repaired) = AsDigits(text.Replace(" ", "", StringComparison.Ordinal), keep: "");
        var match = Id12Pattern().Match(digits);
        return match.Success ? new Normalised(match.Value, repaired ? RepairFactor : 1) : null;
    }

    private static Normalised? DigitsOnly(string text)
    {
        var (digits, repaired) = AsDigits(text, keep: "/-");
        digits = digits.Trim('/', '-');
        return digits.Length > 0 && digits.Any(char.IsAsciiDigit) ? new Normalised(digits, repaired ? RepairFactor : 1) : null;
    }

    private static Normalised? Name(string text, bool upper)
    {
        var letters = new string(text.Where(c => char.IsLetter(c) || c == ' ').ToArray());
        letters = VietnameseText.Clean(letters);
        if (letters.Length < 2)
        {
            return null;
        }

        // Anything other than letters in a name was an OCR artefact: the value is kept but doubted.
        var factor = letters.Replace(" ", "", StringComparison.Ordinal).Length == text.Replace(" ", "", StringComparison.Ordinal).Length ? 1 : RepairFactor;
        // Every part of a Vietnamese name is one syllable; a part that cannot be one was misread.
        if (letters.Split(' ').Any(part => !VietnameseSyllable.IsValid(part)))
        {
            factor = Math.Min(factor, RepairFactor);
        }

        // A one-letter part at the end is usually a stray mark (a signature, a stamp) read as a letter.
        if (letters.Split(' ').Length > 1 && letters.Split(' ')[^1].Length == 1)
        {
            factor = Math.Min(factor, RepairFactor);
        }

        if (upper && letters.Any(char.IsLower))
        {
            letters = VietnameseText.Upper(letters);
            factor = Math.Min(factor, RepairFactor);
        }

        return new Normalised(letters, factor);
    }

    /// <summary>The closest of a closed list of values; an inexact match is a repair (usually a tone mark).</summary>
    public static Normalised? Choice(string text, IReadOnlyList<string> choices)
    {
        var folded = VietnameseText.Fold(text);
        if (folded.Length == 0)
        {
            return null;
        }

        var candidates = choices.Where(c => VietnameseText.Fold(c) == folded).ToList();
        var exact = choices.FirstOrDefault(c => VietnameseText.Clean(c) == text);
        if (exact is not null)
        {
            return new Normalised(exact, 1, candidates.Count == 1 ? 0.9 : 0);
        }

        if (candidates.Count == 1)
        {
            // Unaccented text matching one choice: the tone marks are the only difference.
            return new Normalised(candidates[0], 0.95, 0.9);
        }

        var best = choices
            .Select(c => (Choice: c, Hit: ApproximateMatch.Find(folded, VietnameseText.Fold(c), ApproximateMatch.Tolerance(c.Length))))
            .Where(x => x.Hit is { } h && h.End - h.Start >= folded.Length - 1)
            .OrderBy(x => x.Hit!.Value.Distance)
            .FirstOrDefault();
        return best.Choice is null ? null : new Normalised(best.Choice, RepairFactor);
    }

    /// <summary>Free text; a lone letter at the end is usually a stray mark (a seal's edge, a signature).</summary>
    private static Normalised Text(string text)
    {
        var parts = text.Split(' ');
        return new Normalised(text, parts.Length > 1 && parts[^1].Length == 1 && char.IsLetter(parts[^1][0]) ? RepairFactor : 1);
    }

    /// <summary>A land area as Vietnamese write it: decimal comma, square metres ("120,5 m²").</summary>
    private static Normalised? Area(string text)
    {
        var match = AreaPattern().Match(text);
        return match.Success ? new Normalised($"{match.Groups[1].Value.Replace('.', ',')} m²", 1) : null;
    }

    private static Normalised? Serial(string text)
    {
        // Spaces go (a land certificate prints "AA 01234567"); dashes and slashes are part of diploma numbers.
        var compact = new string(text.Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '/').ToArray()).Trim('-', '/').ToUpperInvariant();
        return compact.Length > 0 ? new Normalised(compact, 1) : null;
    }

    /// <summary>Letters that OCR confuses with digits, read as the digit; reports whether any was replaced.</summary>
    private static (string Text, bool Repaired) AsDigits(string text, string keep)
    {
        var builder = new StringBuilder(text.Length);
        var repaired = false;
        foreach (var c in text)
        {
            var digit = c switch
            {
                'O' or 'o' or 'D' or 'Q' => '0',
                'I' or 'l' or 'i' or '|' or '!' => '1',
                'Z' or 'z' => '2',
                'S' or 's' => '5',
                'B' => '8',
                'G' => '6',
                _ => c,
            };
            if (char.IsAsciiDigit(digit))
            {
                repaired |= digit != c;
                builder.Append(digit);
            }
            else if (keep.Contains(c, StringComparison.Ordinal))
            {
                builder.Append(c);
            }
            else if (c == ' ')
            {
                builder.Append(' ');
            }
        }

        return (builder.ToString(), repaired);
    }

    [GeneratedRegex(@"(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"(\d+(?:[.,]\d+)?)\s*m", RegexOptions.CultureInvariant)]
    private static partial Regex AreaPattern();

    [GeneratedRegex(@"\d{12}", RegexOptions.CultureInvariant)]
    private static partial Regex Id12Pattern();
}
