namespace SmartKiosk.Activities.Recognition.Ocr;

/// <summary>How to read an image: the language model, the page layout and an optional character whitelist.</summary>
public sealed record OcrRequest(string Language, OcrLayout Layout = OcrLayout.Auto, string? Whitelist = null, int Resolution = 300)
{
    /// <summary>Vietnamese documents: the vie model knows every diacritic and the Latin alphabet.</summary>
    public static OcrRequest Vietnamese(OcrLayout layout = OcrLayout.Auto) => new("vie", layout);

    /// <summary>
    /// MRZ: no OCR-B model ships with Debian; eng restricted to the MRZ alphabet reads the fields
    /// (filler runs may come out as K, which the parser tolerates by position).
    /// </summary>
    public static readonly OcrRequest Mrz = new("eng", OcrLayout.Block, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<");
}

/// <summary>Page segmentation, named for what the region holds.</summary>
public enum OcrLayout
{
    /// <summary>A whole page: Tesseract finds the blocks.</summary>
    Auto,

    /// <summary>A uniform block of text (an MRZ, a cropped zone).</summary>
    Block,

    /// <summary>One line of text.</summary>
    Line,

    /// <summary>Scattered text (ID cards: labels and values placed around a photo).</summary>
    Sparse,
}
