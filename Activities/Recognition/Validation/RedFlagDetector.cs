using SmartKiosk.Activities.Recognition.Findings;
using SmartKiosk.Activities.Recognition.Ocr;
using SmartKiosk.Activities.Recognition.Text;

namespace SmartKiosk.Activities.Recognition.Validation;

/// <summary>
/// The grounds of Decree 23/2015 Art. 22 that can be seen automatically, raised for the officer
/// (who decides): a "MẬT" (secret) stamp or a no-copying mark, a household registration book (void
/// since 2023), and a page whose text is largely unreadable (faded, damaged, erased).
/// </summary>
public static class RedFlagDetector
{
    /// <summary>Share of words read with very low confidence above which a page counts as unreadable in part.</summary>
    private const double UnreadableShare = 0.35;

    public static IReadOnlyList<Finding> Detect(OcrPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var findings = new List<Finding>();
        var words = page.Words.ToList();

        // "MẬT" must stand as its own word in capitals: "bí mật" in running text is not a stamp.
        if (words.Any(w => w.Text.Trim('"', '\'', '.', ',', '(', ')') == "MẬT" && w.Confidence > 50))
        {
            findings.Add(Flag(FindingCodes.SecretStamp));
        }

        var folded = VietnameseText.Fold(page.Text);
        if (Contains(folded, "KHONGSAOCHUP") || Contains(folded, "KHONGDUOCSAOCHUP"))
        {
            findings.Add(Flag(FindingCodes.NoCopyMark));
        }

        if (Contains(folded, "SOHOKHAU"))
        {
            findings.Add(new Finding(FindingCodes.HouseholdBook, FindingSeverity.Invalid, null, RecognitionText.Finding(FindingCodes.HouseholdBook)));
        }

        var substantial = words.Where(w => w.Text.Length >= 2).ToList();
        if (substantial.Count >= 10 && substantial.Count(w => w.Confidence < 40) > substantial.Count * UnreadableShare)
        {
            findings.Add(Flag(FindingCodes.UnreadableArea));
        }

        return findings;
    }

    private static bool Contains(string folded, string pattern) =>
        ApproximateMatch.Find(folded, pattern, ApproximateMatch.Tolerance(pattern.Length)) is not null;

    private static Finding Flag(string code) => new(code, FindingSeverity.Review, null, RecognitionText.Finding(code));
}
