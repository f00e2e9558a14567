using OpenCvSharp;
using SmartKiosk.Activities.Recognition.Ocr;

namespace SmartKiosk.Activities.Recognition.IdCards;

/// <summary>
/// Reads the TD1 MRZ at the bottom of a rectified card: OCR of the lower part with the MRZ alphabet
/// only, then the three longest lines brought to 30 characters (OCR drops trailing fillers more
/// often than anything else, so a short line is padded at its end).
/// </summary>
public sealed partial class MrzReader(IOcrEngine ocr)
{
    public async Task<Td1Mrz?> ReadAsync(Mat card, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(card);

        // The zone fills the bottom ~30% of an ID-1 card; a taller band is the fallback for a
        // rectification that left the card slightly shifted. Each band is read as it is and, if its
        // check digits fail, softened (see Band); the first reading whose check digits hold wins.
        Td1Mrz? first = null;
        foreach (var (top, soften) in new[] { (0.64, false), (0.64, true), (0.55, false), (0.55, true) })
        {
            var y = (int)(card.Height * top);
            using var band = Band(card, y, soften);
            var page = await ocr.RecogniseAsync(band, OcrRequest.Mrz, null, cancellationToken);
            var lines = page.Lines
                .Select(l => string.Concat(l.Words.Select(w => w.Text)).Replace(" ", "", StringComparison.Ordinal))
                .Where(l => l.Length >= 24)
                .TakeLast(3)
                .ToList();
            if (lines.Count == 3
                && Td1Mrz.TryParse(RepairLine1(Fit(lines[0], checkDigitLast: true)), RepairLine2(Fit(lines[1], checkDigitLast: true)), RepairLine3(Fit(DropGhostK(lines[2]), checkDigitLast: false))) is { } mrz)
            {
                if (mrz.FieldChecksValid && mrz.CompositeValid)
                {
                    return mrz;
                }

                first ??= mrz;
            }
        }

        return first;
    }

    /// <summary>
    /// The zone's band, smoothed slightly: eng reads OCR-B's hard, widely spaced glyphs more
    /// reliably once a clean scan's pixel edges are softened the way a camera softens them.
    /// </summary>
    private static Mat Band(Mat card, int top, bool soften)
    {
        using var cut = new Mat(card, new Rect(0, top, card.Width, card.Height - top));
        var band = new Mat();
        if (soften)
        {
            Cv2.GaussianBlur(cut, band, new Size(3, 3), 0.8);
        }
        else
        {
            cut.CopyTo(band);
        }

        return band;
    }

    /// <summary>
    /// Brings a line to 30 characters. OCR loses or adds '&lt;' inside filler runs far more often than
    /// anything else, so the longest run absorbs the difference; lines 1–2 end with a check digit that
    /// must stay in the last position.
    /// </summary>
    private static string Fit(string line, bool checkDigitLast)
    {
        var missing = Td1Mrz.LineLength - line.Length;
        if (missing == 0)
        {
            return line;
        }

        var (start, length) = LongestFillerRun(line);
        if (length == 0)
        {
            return missing > 0 ? line.PadRight(Td1Mrz.LineLength, '<') : line[..Td1Mrz.LineLength];
        }

        if (missing > 0)
        {
            var at = checkDigitLast || start + length < line.Length ? start + length : line.Length;
            return line.Insert(at, new string('<', missing));
        }

        var remove = Math.Min(-missing, length);
        var trimmed = line.Remove(start, remove);
        return trimmed.Length > Td1Mrz.LineLength ? trimmed[..Td1Mrz.LineLength] : trimmed;
    }

    private static (int Start, int Length) LongestFillerRun(string line)
    {
        int bestStart = 0, bestLength = 0;
        for (var i = 0; i < line.Length;)
        {
            if (line[i] != '<')
            {
                i++;
                continue;
            }

            var j = i;
            while (j < line.Length && line[j] == '<')
            {
                j++;
            }

            if (j - i > bestLength)
            {
                (bestStart, bestLength) = (i, j - i);
            }

            i = j;
        }

        return (bestStart, bestLength);
    }

    /// <summary>
    /// eng reads a chevron followed by a letter as "&lt;K" plus the letter now and then: when the name
    /// line is too long, a K right after a filler is that ghost, and is dropped first.
    /// </summary>
    private static string DropGhostK(string line)
    {
        while (line.Length > Td1Mrz.LineLength)
        {
            var at = line.IndexOf("<K", StringComparison.Ordinal);
            if (at < 0)
            {
                break;
            }

            line = line.Remove(at + 1, 1);
        }

        return line;
    }

    /// <summary>Where a position can only hold a digit, letters eng confuses with digits are read as those digits.</summary>
    private static string Digits(string line, params (int From, int To)[] ranges)
    {
        var chars = line.ToCharArray();
        foreach (var (from, to) in ranges)
        {
            for (var i = from; i < to && i < chars.Length; i++)
            {
                chars[i] = chars[i] switch
                {
                    'O' or 'D' or 'Q' => '0',
                    'I' or 'L' => '1',
                    'Z' => '2',
                    'S' => '5',
                    'G' => '6',
                    'T' => '7',
                    'B' => '8',
                    var c => c,
                };
            }
        }

        return new string(chars);
    }

    // Filler runs are where eng misreads '<' as K. Only positions that must be filler (or a name's
    // filler run) are repaired; a K elsewhere stays, and the check digits judge the rest.
    // Line 1: document number and its check digit (5–14), the 12-digit ID (15–26), the final check digit.
    private static string RepairLine1(string line) =>
        Digits(line[..27] + line[27..29].Replace('K', '<') + line[29], (5, 27), (29, 30));

    // Line 2: birth date and check (0–6), expiry and check (8–14), the composite check digit (29).
    private static string RepairLine2(string line) =>
        Digits(line[..18] + line[18..29].Replace('K', '<') + line[29], (0, 7), (8, 15), (29, 30));

    private static string RepairLine3(string line)
    {
        var repaired = FillerRun().Replace(line, m => new string('<', m.Length));

        // No Vietnamese syllable ends in K: a K before a filler is a misread filler.
        return TrailingK().Replace(repaired, "<");
    }

    [System.Text.RegularExpressions.GeneratedRegex("(?<=[A-Z])K(?=<)")]
    private static partial System.Text.RegularExpressions.Regex TrailingK();

    [System.Text.RegularExpressions.GeneratedRegex("(?<=<)K+(?=<|$)")]
    private static partial System.Text.RegularExpressions.Regex FillerRun();

}
