using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SmartKiosk.Activities.Intake;
using SmartKiosk.Activities.Recognition;
using SmartKiosk.Samples.SyntheticDocuments;

namespace SmartKiosk.Activities.Tests.Recognition;

/// <summary>
/// One recognition pipeline for the test class (engines are pooled and costly to start), with the
/// clock at the generator's reference date so card expiry is judged as of the documents' day.
/// The pipeline gets only the image bytes, never the generator's ground truth.
/// </summary>
public sealed class RecognitionFixture : IDisposable
{
    /// <summary>Tests use their own seeds; the benchmark's seed (20261126) is never used here.</summary>
    public const int Seed = 11;

    private readonly ServiceProvider _services;

    public RecognitionFixture()
    {
        _services = new ServiceCollection()
            .AddSingleton<TimeProvider>(new FakeTimeProvider(DocumentGenerator.ReferenceDate))
            .AddDocumentRecognition()
            .BuildServiceProvider();
    }

    /// <summary>A generator per test (its own seed), so a test's document does not depend on which tests ran before.</summary>
    public static DocumentGenerator Generator(int offset) => new(Seed * 1000 + offset);

    public async Task<RecognitionResult> RecogniseAsync(byte[] image, string? declaredType = null)
    {
        var inspection = ScanInspector.Inspect(image, new IntakeLimits());
        using var pages = await _services.GetRequiredService<ScanDecoder>().DecodeAsync(image, inspection, CancellationToken.None);
        return await _services.GetRequiredService<DocumentRecogniser>().RecogniseAsync(pages.Pages, new RecognitionRequest(declaredType), CancellationToken.None);
    }

    public ScanDecoder Decoder => _services.GetRequiredService<ScanDecoder>();

    public void Dispose() => _services.Dispose();
}
