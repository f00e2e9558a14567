using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenCvSharp;
using SmartKiosk.Activities.Intake;
using SmartKiosk.Activities.Recognition;
using SmartKiosk.Activities.Recognition.Findings;
using SmartKiosk.Activities.Recognition.Imaging;
using SmartKiosk.Activities.Recognition.Ocr;
using SmartKiosk.Activities.Recognition.Templates;
using SmartKiosk.Samples.SyntheticDocuments;

namespace SmartKiosk.Benchmarks.Recognition;

/// <summary>Runs the corpus through the pipeline and scores every field, the classification and the flags.</summary>
public static class RecognitionBench
{
    public static async Task<RecognitionReport> RunAsync(RecognitionBenchSettings settings, CancellationToken cancellationToken)
    {
        // The generator's documents are "as of" its reference date: expiry is judged on that day.
        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(new FixedTimeProvider(DocumentGenerator.ReferenceDate))
            .AddDocumentRecognition()
            .BuildServiceProvider();
        var recogniser = services.GetRequiredService<DocumentRecogniser>();
        var decoder = services.GetRequiredService<ScanDecoder>();
        var preparer = services.GetRequiredService<PagePreparer>();
        var ocr = services.GetRequiredService<IOcrEngine>();
        var templates = SeedTemplateStore.Load().ToDictionary(t => t.Id);
        await services.GetRequiredService<OcrEnginePool>().WarmUpAsync(["vie", "eng"], cancellationToken);

        var generator = new DocumentGenerator(settings.Seed);
        var report = new RecognitionReport();
        foreach (var document in generator.Corpus(settings.Count, photoShare: 0.5))
        {
            var (result, elapsed) = await RecogniseAsync(document, decoder, recogniser, cancellationToken);
            report.Add(document, result, elapsed, templates.GetValueOrDefault(document.DocumentType), settings.Verbose);
        }

        // ID cards both sides, as a kiosk sends them: the latency target is for the pair.
        for (var i = 0; i < settings.Pairs; i++)
        {
            var (front, back) = generator.IdCard(canCuoc2024: i % 2 == 1, i % 4 < 2 ? CaptureKind.Scan : CaptureKind.Photo);
            // The kiosk sends both sides at once and the gateway recognises them side by side (the
            // pool has an engine per core): the citizen waits for the pair, wall-clock.
            var started = Stopwatch.GetTimestamp();
            await Task.WhenAll(
                Task.Run(() => RecogniseAsync(front, decoder, recogniser, cancellationToken), cancellationToken),
                Task.Run(() => RecogniseAsync(back, decoder, recogniser, cancellationToken), cancellationToken));
            report.CardPairMs.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        await CompareWithCliAsync(generator, settings, decoder, preparer, ocr, report, cancellationToken);
        return report;
    }

    private static async Task<(RecognitionResult Result, double Ms)> RecogniseAsync(GeneratedDocument document, ScanDecoder decoder, DocumentRecogniser recogniser, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var inspection = ScanInspector.Inspect(document.Image, new IntakeLimits());
        using var pages = await decoder.DecodeAsync(document.Image, inspection, cancellationToken);
        // As at the kiosk, the citizen declares the type; classification is scored separately from
        // what the text alone says (ClassifiedType), which ignores the declaration.
        var result = await recogniser.RecogniseAsync(pages.Pages, new RecognitionRequest(document.DocumentType), cancellationToken);
        return (result, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <summary>The same prepared images through the pooled in-process engine and through `tesseract` (one process per image, as a script would).</summary>
    private static async Task CompareWithCliAsync(DocumentGenerator generator, RecognitionBenchSettings settings, ScanDecoder decoder, PagePreparer preparer, IOcrEngine ocr, RecognitionReport report, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("smartkiosk-ocr-bench-");
        try
        {
            var kinds = Enum.GetValues<DocumentKind>();
            var count = settings.Smoke ? 2 : 24;
            for (var i = 0; i < count; i++)
            {
                var document = generator.Generate(kinds[i % kinds.Length], CaptureKind.Scan);
                var inspection = ScanInspector.Inspect(document.Image, new IntakeLimits());
                using var pages = await decoder.DecodeAsync(document.Image, inspection, cancellationToken);
                using var prepared = preparer.Prepare(pages.Pages[0], CaptureSource.Unknown);
                var file = Path.Combine(folder.FullName, $"{i}.png");
                Cv2.ImWrite(file, prepared.Document);
                var layout = prepared.Geometry.Shape == DocumentShape.Card ? OcrLayout.Sparse : OcrLayout.Auto;

                var started = Stopwatch.GetTimestamp();
                await ocr.RecogniseAsync(prepared.Document, OcrRequest.Vietnamese(layout), null, cancellationToken);
                report.InProcessOcrMs += Stopwatch.GetElapsedTime(started).TotalMilliseconds;

                started = Stopwatch.GetTimestamp();
                await RunCliAsync(file, layout == OcrLayout.Sparse ? "11" : "3", cancellationToken);
                report.CliOcrMs += Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                report.CliImages++;
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task RunCliAsync(string image, string psm, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("tesseract") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { image, "stdout", "-l", "vie", "--psm", psm, "--oem", "1", "tsv" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["OMP_THREAD_LIMIT"] = "1";
        using var process = Process.Start(start)!;
        await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"tesseract failed: {await process.StandardError.ReadToEndAsync(cancellationToken)}");
        }
    }

    internal static bool IsFlag(Finding finding) => finding.Severity != FindingSeverity.Info;
}
