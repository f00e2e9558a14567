using SmartKiosk.Activities.Recognition.Ocr;
using SmartKiosk.Activities.Recognition.Templates;
using SmartKiosk.Activities.Recognition.Text;

namespace SmartKiosk.Activities.Recognition.Extraction;

/// <summary>
/// Reads a template's fields from OCR lines: finds each field's printed label, takes the words
/// after it on the same line (up to the next label) or the line(s) below it, and normalises them.
/// Layout-tolerant on purpose: photos shift zones, labels do not move relative to their values.
/// </summary>
public static class FieldExtractor
{
    public static IReadOnlyList<ExtractedField> Extract(OcrPage page, DocumentTemplate template)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(template);
        var lines = page.Lines.Select((l, i) => new FoldedLine(i, l)).ToList();
        var hits = FindAnchors(lines, template);
        var results = new List<ExtractedField>();
        foreach (var rule in template.Fields)
        {
            var hit = hits.Where(h => h.FieldKey == rule.Key).OrderBy(h => h.Distance).ThenBy(h => h.Line.Index).FirstOrDefault();
            if (hit is not null && Read(rule, hit, lines, hits) is { } field)
            {
                results.Add(field);
            }
        }

        return results;
    }

    /// <summary>Every label of every field in every line; where two overlap in a line, the longer one wins.</summary>
    private static List<AnchorHit> FindAnchors(List<FoldedLine> lines, DocumentTemplate template)
    {
        var hits = new List<AnchorHit>();
        foreach (var line in lines)
        {
            var inLine = new List<AnchorHit>();
            foreach (var rule in template.Fields)
            {
                AnchorHit? best = null;
                foreach (var anchor in rule.Anchors)
                {
                    var folded = VietnameseText.Fold(anchor);
                    if (ApproximateMatch.Find(line.Folded, folded) is { } found
                        && (folded.Length >= 6 || IsWholeWords(line, found.Start, found.End, anchor))
                        && (best is null || found.End - found.Start > best.End - best.Start))
                    {
                        best = new AnchorHit(rule.Key, line, found.Start, found.End, found.Distance);
                    }
                }

                if (best is not null)
                {
                    inLine.Add(best);
                }
            }

            // Where labels overlap ("Họ, chữ đệm, tên" inside "…tên người mẹ"), the closer match wins, then the longer.
            hits.AddRange(inLine.Where(h => !inLine.Any(o => o != h && o.Start < h.End && h.Start < o.End && Better(o, h))));
        }

        return hits;
    }

    /// <summary>
    /// A short label ("Số:", "Bà:") must be whole words: otherwise it matches inside names and
    /// places ("Sơn", "Hai Bà Trưng") and cuts the value there.
    /// </summary>
    private static bool IsWholeWords(FoldedLine line, int start, int end, string anchor)
    {
        if (line.Origins[start].Char != 0)
        {
            return false;
        }

        var (word, character) = line.Origins[end - 1];
        var text = line.Line.Words[word].Text;
        var rest = text[(character + 1)..];
        if (rest.Any(char.IsLetterOrDigit))
        {
            return false;
        }

        // The label's own punctuation is part of it: "Bà:" introduces a name, "Hai Bà Trưng" does not.
        var punctuation = anchor.TrimEnd()[^1];
        if (!char.IsLetterOrDigit(punctuation) && !rest.StartsWith(punctuation))
        {
            return false;
        }

        // With accents: "Bà:" is a label, "Ba Đình" is a place.
        var read = string.Concat(Enumerable.Range(start, end - start).Select(i => line.Line.Words[line.Origins[i].Word].Text[line.Origins[i].Char]));
        var expected = string.Concat(anchor.Where(char.IsLetterOrDigit));
        return string.Equals(read.Normalize(System.Text.NormalizationForm.FormC), expected.Normalize(System.Text.NormalizationForm.FormC), StringComparison.OrdinalIgnoreCase);
    }

    private static bool Better(AnchorHit a, AnchorHit b) =>
        a.Distance < b.Distance || (a.Distance == b.Distance && a.End - a.Start > b.End - b.Start);

    private static ExtractedField? Read(FieldRule rule, AnchorHit hit, List<FoldedLine> lines, List<AnchorHit> hits)
    {
        var anchorFactor = hit.Distance == 0 ? 1.0 : 0.97;
        if (rule.Placement != "next-line")
        {
            var stop = hits.Where(h => h.Line == hit.Line && h.Start >= hit.End).Select(h => (int?)h.Start).Min();
            var words = hit.Line.WordsBetween(rule.IncludeAnchor ? hit.Start : hit.End, stop).ToList();
            if (words.Count > 0)
            {
                if (stop is null && rule.MaxLines > 1)
                {
                    words.AddRange(Continuation(hit.Line, lines, hits, rule.MaxLines - 1, AnchorLeft(hit), rule.Key));
                }

                if (Build(rule, words, anchorFactor) is { } sameLine)
                {
                    return sameLine;
                }
            }
        }

        if (rule.Placement == "same-line")
        {
            return null;
        }

        var below = Continuation(hit.Line, lines, hits, rule.MaxLines, AnchorLeft(hit), rule.Key);
        return below.Count > 0 ? Build(rule, below, anchorFactor) : null;
    }

    private static int AnchorLeft(AnchorHit hit) => hit.Line.Line.Words[hit.Line.Origins[hit.Start].Word].Box.X;

    /// <summary>
    /// The words of up to <paramref name="count"/> lines directly below, starting no further left than
    /// the label and not much further right (a value sits under its label), stopping at another label.
    /// </summary>
    private static List<OcrWord> Continuation(FoldedLine from, List<FoldedLine> lines, List<AnchorHit> hits, int count, int left, string fieldKey)
    {
        var words = new List<OcrWord>();
        var current = from.Line.Box;
        for (var taken = 0; taken < count; taken++)
        {
            var lineHeight = Math.Max(12, from.Line.Words.Max(w => w.Box.Height));
            var next = lines
                .Where(l => l.Line.Box.Y > current.CenterY && l.Line.Box.Y - current.Bottom < lineHeight * 2)
                .Where(l => l.Line.Box.X >= left - (lineHeight * 3) && l.Line.Box.X <= left + (lineHeight * 12))
                .OrderBy(l => l.Line.Box.Y)
                .FirstOrDefault();
            if (next is null)
            {
                break;
            }

            var firstHit = hits.Where(h => h.Line == next).Select(h => (int?)h.Start).Min();
            if (firstHit is not null && firstHit <= 1)
            {
                // The second half of a bilingual label on its own line ("Date of expiry") belongs to
                // this field: step over it to the value below. Another field's label ends the value.
                if (hits.Any(h => h.Line == next && h.FieldKey == fieldKey && h.End >= next.Folded.Length - 1))
                {
                    current = next.Line.Box;
                    taken--;
                    continue;
                }

                break;
            }

            words.AddRange(next.WordsBetween(0, firstHit));
            if (firstHit is not null)
            {
                break;
            }

            current = next.Line.Box;
        }

        return words;
    }

    private static ExtractedField? Build(FieldRule rule, List<OcrWord> words, double anchorFactor)
    {
        var raw = string.Join(' ', words.Select(w => w.Text));
        if (Normalisers.Apply(rule, raw) is not { } normalised)
        {
            return null;
        }

        // With a pattern, only the words the value was taken from vouch for it (not the "m²" after an area).
        if (rule.Pattern is { } pattern && Normalisers.SafeMatch(raw, pattern) is { Success: true } match)
        {
            var position = 0;
            var used = new List<OcrWord>();
            foreach (var word in words)
            {
                if (position < match.Index + match.Length && position + word.Text.Length > match.Index)
                {
                    used.Add(word);
                }

                position += word.Text.Length + 1;
            }

            words = used.Count > 0 ? used : words;
        }

        var confidence = Math.Max(words.Min(w => w.Confidence) / 100.0 * normalised.ConfidenceFactor * anchorFactor, normalised.ConfidenceFloor);
        var box = words.Skip(1).Aggregate(words[0].Box, (b, w) => b.Union(w.Box));
        var doubtful = new List<int>();
        var offset = 0;
        foreach (var word in words)
        {
            for (var i = 0; i < word.CharacterConfidences.Count && i < word.Text.Length; i++)
            {
                if (word.CharacterConfidences[i] < 80)
                {
                    doubtful.Add(offset + i);
                }
            }

            offset += word.Text.Length + 1;
        }

        return new ExtractedField(rule.Key, normalised.Value, Math.Clamp(confidence, 0, 1), "ocr", raw, box, doubtful);
    }
}
