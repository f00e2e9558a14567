using Microsoft.Extensions.Options;
using OpenCvSharp;
using SmartKiosk.Activities.Recognition;
using SmartKiosk.Activities.Recognition.Ocr;

namespace SmartKiosk.Activities.Tests.Recognition;

public sealed class TesseractEngineTests
{
    public TesseractEngineTests() => NativeLibraries.EnsureLoaded();

    [Fact]
    public async Task Reads_words_with_boxes_and_confidences_in_page_coordinates()
    {
        using var image = new Mat(200, 900, MatType.CV_8UC1, Scalar.White);
        Cv2.PutText(image, "CERTIFIED COPY 2026", new Point(40, 120), HersheyFonts.HersheySimplex, 2.0, Scalar.Black, 4, LineTypes.AntiAlias);
        using var pool = new OcrEnginePool(Options.Create(new OcrOptions()));

        var page = await pool.RecogniseAsync(image, new OcrRequest("eng", OcrLayout.Line), null, CancellationToken.None);

        Assert.Equal("CERTIFIED COPY 2026", page.Text);
        var first = page.Words.First();
        Assert.InRange(first.Box.X, 30, 60);
        Assert.InRange(first.Box.Bottom, 110, 135);
        Assert.All(page.Words, w => Assert.InRange(w.Confidence, 60f, 100f));
        Assert.Equal("CERTIFIED".Length, first.CharacterConfidences.Count);
    }

    [Fact]
    public async Task A_region_is_read_alone_and_reported_in_page_coordinates()
    {
        using var image = new Mat(300, 900, MatType.CV_8UC1, Scalar.White);
        Cv2.PutText(image, "LEFT", new Point(40, 120), HersheyFonts.HersheySimplex, 2.0, Scalar.Black, 4, LineTypes.AntiAlias);
        Cv2.PutText(image, "RIGHT", new Point(500, 250), HersheyFonts.HersheySimplex, 2.0, Scalar.Black, 4, LineTypes.AntiAlias);
        using var pool = new OcrEnginePool(Options.Create(new OcrOptions()));

        var page = await pool.RecogniseAsync(image, new OcrRequest("eng", OcrLayout.Line), new Rect(450, 160, 450, 140), CancellationToken.None);

        Assert.Equal("RIGHT", page.Text);
        Assert.InRange(page.Words.Single().Box.X, 490, 520);
    }

    [Fact]
    public async Task Concurrent_callers_share_the_pool_without_mixing_results()
    {
        using var pool = new OcrEnginePool(Options.Create(new OcrOptions { MaxEnginesPerLanguage = 2 }));
        var texts = Enumerable.Range(0, 6).Select(i => $"PAGE {i + 10}").ToArray();

        var pages = await Task.WhenAll(texts.Select(text => Task.Run(async () =>
        {
            using var image = new Mat(160, 600, MatType.CV_8UC1, Scalar.White);
            Cv2.PutText(image, text, new Point(40, 100), HersheyFonts.HersheySimplex, 2.0, Scalar.Black, 4, LineTypes.AntiAlias);
            return await pool.RecogniseAsync(image, new OcrRequest("eng", OcrLayout.Line), null, CancellationToken.None);
        })));

        Assert.Equal(texts, pages.Select(p => p.Text));
    }

    [Fact]
    public void A_missing_language_model_is_an_installation_error_naming_the_package()
    {
        var ex = Assert.Throws<OcrUnavailableException>(() => new TesseractEngine("/usr/share/tesseract-ocr/5/tessdata", "klingon"));
        Assert.Contains("tesseract-ocr-klingon", ex.Message);
    }
}
