using SmartKiosk.Activities.Recognition.Ocr;
using SmartKiosk.Activities.Recognition.Text;

namespace SmartKiosk.Activities.Recognition.Extraction;

/// <summary>
/// An OCR line in folded form (letters and digits, unaccented, upper case) with, for each folded
/// character, the word and character it came from, so a label found in the folded text maps back
/// to the words that follow it.
/// </summary>
public sealed class FoldedLine
{
    public FoldedLine(int index, OcrLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        Index = index;
        Line = line;
        var text = new System.Text.StringBuilder();
        var origins = new List<(int Word, int Char)>();
        for (var w = 0; w < line.Words.Count; w++)
        {
            var word = line.Words[w].Text;
            for (var c = 0; c < word.Length; c++)
            {
                var folded = VietnameseText.Fold(word[c]);
                if (folded != '\0')
                {
                    text.Append(folded);
                    origins.Add((w, c));
                }
            }
        }

        Folded = text.ToString();
        Origins = origins;
    }

    public int Index { get; }
    public OcrLine Line { get; }
    public string Folded { get; }
    public IReadOnlyList<(int Word, int Char)> Origins { get; }

    /// <summary>The words from just after folded position <paramref name="foldedEnd"/> up to (not including) <paramref name="foldedStop"/>.</summary>
    public IReadOnlyList<OcrWord> WordsBetween(int foldedEnd, int? foldedStop)
    {
        var words = new List<OcrWord>();
        var (firstWord, firstChar) = foldedEnd <= 0 ? (0, -1) : Origins[foldedEnd - 1];
        var stopWord = foldedStop is { } stop && stop < Origins.Count ? Origins[stop].Word : Line.Words.Count;
        var stopChar = foldedStop is { } s && s < Origins.Count ? Origins[s].Char : 0;
        for (var w = firstWord; w < Math.Min(stopWord + 1, Line.Words.Count); w++)
        {
            var word = Line.Words[w];
            var from = w == firstWord ? firstChar + 1 : 0;
            var to = w == stopWord ? stopChar : word.Text.Length;
            if (foldedEnd <= 0 && w == firstWord)
            {
                from = 0;
            }

            if (to > from)
            {
                words.Add(from == 0 && to == word.Text.Length ? word : Slice(word, from, to));
            }
        }

        return words;
    }

    private static OcrWord Slice(OcrWord word, int from, int to) => word with
    {
        Text = word.Text[from..to],
        CharacterConfidences = word.CharacterConfidences.Count == word.Text.Length ? word.CharacterConfidences.Skip(from).Take(to - from).ToArray() : word.CharacterConfidences,
    };
}
