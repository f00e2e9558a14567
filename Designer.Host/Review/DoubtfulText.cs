namespace SmartKiosk.Designer.Host.Review;

/// <summary>Splits a text into runs of sure and doubtful characters (the OCR's doubtful indexes) for highlighting.</summary>
public static class DoubtfulText
{
    public static IReadOnlyList<TextSegment> Segments(string text, IReadOnlyCollection<int>? doubtful)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return [];
        }
        if (doubtful is not { Count: > 0 })
        {
            return [new TextSegment(text, false)];
        }
        var marks = doubtful.Where(i => i >= 0 && i < text.Length).ToHashSet();
        var segments = new List<TextSegment>();
        var start = 0;
        for (var i = 1; i <= text.Length; i++)
        {
            if (i == text.Length || marks.Contains(i) != marks.Contains(start))
            {
                segments.Add(new TextSegment(text[start..i], marks.Contains(start)));
                start = i;
            }
        }
        return segments;
    }
}
