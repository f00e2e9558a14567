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
        var top = (int)(card.Height * 0.55);
        var page = await ocr.RecogniseAsync(card, OcrRequest.Mrz, new Rect(0, top, card.Width, card.Height - top), cancellationToken);
        var lines = page.Lines
            .Select(l => string.Concat(l.Words.Select(w => w.Text)).Replace(" ", "", StringComparison.Ordinal))
            .Where(l => l.Length >= 24)
            .TakeLast(3)
            .ToList();
        if (lines.Count != 3)
        {
            return null;
        }

        var fitted = lines.Select(Fit).ToList();
        return Td1Mrz.TryParse(RepairLine1(fitted[0]), RepairLine2(fitted[1]), RepairLine3(fitted[2]));
    }

    // Filler runs are where eng misreads '<' as K. Only positions that must be filler (or a name's
    // filler run) are repaired; a K elsewhere stays, and the check digits judge the rest.
    private static string RepairLine1(string line) =>
        line[..27] + line[27..29].Replace('K', '<') + line[29];

    private static string RepairLine2(string line) =>
        line[..18] + line[18..29].Replace('K', '<') + line[29];

    private static string RepairLine3(string line)
    {
        var repaired = FillerRun().Replace(line, m => new string('<', m.Length));
        return repaired;
    }

    [System.Text.RegularExpressions.GeneratedRegex("(?<=<)K+(?=<|$)")]
    private static partial System.Text.RegularExpressions.Regex FillerRun();

    private static string Fit(string line) =>
        line.Length >= Td1Mrz.LineLength ? line[..Td1Mrz.LineLength] : line.PadRight(Td1Mrz.LineLength, '<');
}
