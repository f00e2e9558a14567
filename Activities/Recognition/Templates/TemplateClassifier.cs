using SmartKiosk.Activities.Recognition.Imaging;
using SmartKiosk.Activities.Recognition.Text;

namespace SmartKiosk.Activities.Recognition.Templates;

/// <summary>
/// Scores each template against a page: the weighted share of its keywords found in the OCR text
/// (accent- and spacing-insensitive, a few misread letters tolerated), damped when the page's shape
/// (card or A4) is not the template's.
/// </summary>
public static class TemplateClassifier
{
    public sealed record Score(DocumentTemplate Template, double Value);

    public static IReadOnlyList<Score> Rank(string text, DocumentShape shape, IEnumerable<DocumentTemplate> templates)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var folded = VietnameseText.Fold(text);
        return templates
            .Where(t => !t.IsFallback && t.Keywords.Count > 0)
            .Select(t => new Score(t, KeywordShare(folded, t) * (t.Shape == "any" || t.Shape == shape.Name ? 1 : 0.3)))
            .OrderByDescending(s => s.Value)
            .ToList();
    }

    private static double KeywordShare(string folded, DocumentTemplate template)
    {
        double found = 0, total = 0;
        foreach (var keyword in template.Keywords)
        {
            total += keyword.Weight;
            // "A|B": either wording counts (a diploma is titled one way or the other).
            foreach (var alternative in keyword.Text.Split('|'))
            {
                var pattern = VietnameseText.Fold(alternative);
                if (ApproximateMatch.Find(folded, pattern) is not null)
                {
                    found += keyword.Weight;
                    break;
                }
            }
        }

        return total == 0 ? 0 : found / total;
    }
}
