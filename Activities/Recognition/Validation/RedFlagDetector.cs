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

    /// <param name="pages">The OCR of each page.</param>
    /// <param name="redInk">The OCR of each red mark (stamps), read apart from the print.</param>
    public static IReadOnlyList<Finding> Detect(IReadOnlyList<OcrPage> pages, IReadOnlyList<OcrPage> redInk)
    {
        ArgumentNullException.ThrowIfNull(pages);
        ArgumentNullException.ThrowIfNull(redInk);
        var findings = new List<Finding>();
        var words = pages.SelectMany(p => p.Words).ToList();

        // "MẬT" must stand as its own word in capitals: "bí mật" in running text is not a stamp. In
        // red ink (read alone) the tone mark may be lost, so there the unaccented word counts too.
        if (words.Any(w => Clean(w.Text) == "MẬT" && w.Confidence > 50)
            || redInk.SelectMany(p => p.Words).Any(w => VietnameseText.Fold(w.Text) == "MAT" && Clean(w.Text).All(char.IsUpper) && w.Confidence > 30))
        {
            findings.Add(Flag(FindingCodes.SecretStamp));
        }

        var folded = VietnameseText.Fold(string.Join('\n', pages.Concat(redInk).Select(p => p.Text)));
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

    private static string Clean(string word) => word.Trim('"', '\'', '.', ',', '(', ')', ':', ';');

    private static bool Contains(string folded, string pattern) =>
        ApproximateMatch.Find(folded, pattern) is not null;

    private static Finding Flag(string code) => new(code, FindingSeverity.Review, null, RecognitionText.Finding(code));
}
