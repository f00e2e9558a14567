namespace SmartKiosk.Activities.Recognition.Ocr;

/// <summary>A rectangle in page pixels (left, top, width, height).</summary>
public readonly record struct PixelBox(int X, int Y, int Width, int Height)
{
    public int Right => X + Width;
    public int Bottom => Y + Height;
    public int CenterY => Y + (Height / 2);

    public PixelBox Union(PixelBox other)
    {
        var x = Math.Min(X, other.X);
        var y = Math.Min(Y, other.Y);
        return new PixelBox(x, y, Math.Max(Right, other.Right) - x, Math.Max(Bottom, other.Bottom) - y);
    }

    public PixelBox Offset(int dx, int dy) => this with { X = X + dx, Y = Y + dy };
}

/// <summary>
/// A recognised word: its text, box, Tesseract's confidence (0–100) and each character's confidence,
/// so a reviewer can see which letters (usually tone marks) the engine doubted.
/// </summary>
public sealed record OcrWord(string Text, PixelBox Box, float Confidence, IReadOnlyList<float> CharacterConfidences);

/// <summary>A text line: its words in reading order.</summary>
public sealed record OcrLine(IReadOnlyList<OcrWord> Words)
{
    public string Text => string.Join(' ', Words.Select(w => w.Text));

    public PixelBox Box => Words.Skip(1).Aggregate(Words[0].Box, (box, w) => box.Union(w.Box));

    /// <summary>The weakest word's confidence: one doubtful word makes the line doubtful.</summary>
    public float MinConfidence => Words.Min(w => w.Confidence);
}

/// <summary>What OCR read on one image (or one region of it).</summary>
public sealed record OcrPage(IReadOnlyList<OcrLine> Lines, TimeSpan Elapsed)
{
    public static readonly OcrPage Empty = new([], TimeSpan.Zero);

    public string Text => string.Join('\n', Lines.Select(l => l.Text));

    public IEnumerable<OcrWord> Words => Lines.SelectMany(l => l.Words);
}
