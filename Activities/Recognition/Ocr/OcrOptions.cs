namespace SmartKiosk.Activities.Recognition.Ocr;

/// <summary>OCR engine settings, bound from <c>Recognition:Ocr</c>.</summary>
public sealed class OcrOptions
{
    public const string SectionName = "Recognition:Ocr";

    /// <summary>Where the traineddata files are (Debian's tesseract-ocr-vie/-eng install them here).</summary>
    public string TessdataPath { get; set; } = "/usr/share/tesseract-ocr/5/tessdata";

    /// <summary>Engines kept per language; more than the cores only queues work inside the CPU.</summary>
    public int MaxEnginesPerLanguage { get; set; } = Environment.ProcessorCount;
}
