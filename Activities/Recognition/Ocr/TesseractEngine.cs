using System.Diagnostics;
using OpenCvSharp;
using static SmartKiosk.Activities.Recognition.Ocr.TesseractNative;

namespace SmartKiosk.Activities.Recognition.Ocr;

/// <summary>
/// One initialised Tesseract instance for one language. Not thread-safe (Tesseract's API object is
/// not): the <see cref="OcrEnginePool"/> hands each engine to one caller at a time. Initialising
/// costs 0.1–0.3 s, which is why engines are kept rather than created per page.
/// </summary>
public sealed class TesseractEngine : IDisposable
{
    private IntPtr _handle;

    public TesseractEngine(string tessdataPath, string language)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(language);
        NativeLibraries.EnsureLoaded();
        if (!File.Exists(Path.Combine(tessdataPath, language + ".traineddata")))
        {
            throw new OcrUnavailableException($"No Tesseract model '{language}' in {tessdataPath}: install the Debian package tesseract-ocr-{language}.");
        }

        Language = language;
        _handle = TessBaseAPICreate();
        if (TessBaseAPIInit2(_handle, tessdataPath, language, OemLstmOnly) != 0)
        {
            TessBaseAPIDelete(_handle);
            _handle = IntPtr.Zero;
            throw new OcrUnavailableException($"Tesseract could not load the '{language}' model from {tessdataPath}.");
        }

        // Word confidences are what flags doubtful reads; a dictionary would hide them by "correcting" names.
        TessBaseAPISetVariable(_handle, "load_system_dawg", "0");
        TessBaseAPISetVariable(_handle, "load_freq_dawg", "0");
        TessBaseAPISetVariable(_handle, "debug_file", "/dev/null");
    }

    public string Language { get; }

    public static string Version
    {
        get
        {
            NativeLibraries.EnsureLoaded();
            return System.Runtime.InteropServices.Marshal.PtrToStringUTF8(TessVersion()) ?? "";
        }
    }

    /// <summary>Reads an 8-bit grey or BGR image, or the region of it, and returns words with page coordinates.</summary>
    public OcrPage Recognise(Mat image, OcrRequest request, Rect? region = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(request);
        ObjectDisposedException.ThrowIf(_handle == IntPtr.Zero, this);
        if (request.Language != Language)
        {
            throw new ArgumentException($"This engine reads '{Language}', not '{request.Language}'.", nameof(request));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var started = Stopwatch.GetTimestamp();
        var area = region ?? new Rect(0, 0, image.Width, image.Height);
        area = area.Intersect(new Rect(0, 0, image.Width, image.Height));
        if (area.Width < 8 || area.Height < 8)
        {
            return OcrPage.Empty;
        }

        using var cut = image[area];
        using var grey = Imaging.Greyscale.Of(cut);
        try
        {
            TessBaseAPISetPageSegMode(_handle, request.Layout switch
            {
                OcrLayout.Block => PageSegMode.SingleBlock,
                OcrLayout.Line => PageSegMode.SingleLine,
                OcrLayout.Sparse => PageSegMode.SparseText,
                _ => PageSegMode.Auto,
            });
            TessBaseAPISetVariable(_handle, "tessedit_char_whitelist", request.Whitelist ?? "");
            TessBaseAPISetImage(_handle, grey.Data, grey.Width, grey.Height, 1, (int)grey.Step());
            TessBaseAPISetSourceResolution(_handle, request.Resolution);
            if (TessBaseAPIRecognize(_handle, IntPtr.Zero) != 0)
            {
                return OcrPage.Empty;
            }

            var lines = ReadLines(area.X, area.Y);
            return new OcrPage(lines, Stopwatch.GetElapsedTime(started));
        }
        finally
        {
            TessBaseAPIClear(_handle);
        }
    }

    /// <summary>Walks the result symbol by symbol, grouping symbols into words and words into lines.</summary>
    private List<OcrLine> ReadLines(int offsetX, int offsetY)
    {
        var lines = new List<OcrLine>();
        var iterator = TessBaseAPIGetIterator(_handle);
        if (iterator == IntPtr.Zero)
        {
            return lines;
        }

        try
        {
            var page = TessResultIteratorGetPageIteratorConst(iterator);
            List<OcrWord>? words = null;
            WordBuilder? word = null;
            do
            {
                if (TessPageIteratorIsAtBeginningOf(page, Level.TextLine) || words is null)
                {
                    Flush(ref word, words);
                    if (words is { Count: > 0 })
                    {
                        lines.Add(new OcrLine(words));
                    }

                    words = [];
                }

                if (TessPageIteratorIsAtBeginningOf(page, Level.Word) || word is null)
                {
                    Flush(ref word, words);
                    var text = TakeText(TessResultIteratorGetUTF8Text(iterator, Level.Word)).Trim();
                    TessPageIteratorBoundingBox(page, Level.Word, out var l, out var t, out var r, out var b);
                    word = new WordBuilder(text, new PixelBox(l + offsetX, t + offsetY, r - l, b - t), TessResultIteratorConfidence(iterator, Level.Word));
                }

                word.Characters.Add(TessResultIteratorConfidence(iterator, Level.Symbol));
            }
            while (TessResultIteratorNext(iterator, Level.Symbol));

            Flush(ref word, words);
            if (words is { Count: > 0 })
            {
                lines.Add(new OcrLine(words));
            }
        }
        finally
        {
            TessResultIteratorDelete(iterator);
        }

        return lines;
    }

    private static void Flush(ref WordBuilder? word, List<OcrWord>? words)
    {
        if (word is { Text.Length: > 0 } && words is not null)
        {
            words.Add(new OcrWord(word.Text, word.Box, word.Confidence, word.Characters));
        }

        word = null;
    }

    public void Dispose()
    {
        if (_handle != IntPtr.Zero)
        {
            TessBaseAPIDelete(_handle);
            _handle = IntPtr.Zero;
        }
    }

    private sealed class WordBuilder(string text, PixelBox box, float confidence)
    {
        public string Text { get; } = text;
        public PixelBox Box { get; } = box;
        public float Confidence { get; } = confidence;
        public List<float> Characters { get; } = [];
    }
}
