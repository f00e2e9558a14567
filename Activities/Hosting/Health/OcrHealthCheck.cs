using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenCvSharp;
using SmartKiosk.Activities.Recognition.Ocr;

namespace SmartKiosk.Activities.Hosting.Health;

/// <summary>
/// Healthy when Tesseract reads with both models recognition uses (Vietnamese for documents, English for
/// machine-readable zones): the native library loads and the language data is installed. Engines are pooled,
/// so after the first check this costs a blank image's read.
/// </summary>
public sealed class OcrHealthCheck(IOcrEngine ocr) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var blank = new Mat(64, 256, MatType.CV_8UC1, Scalar.White);
            await ocr.RecogniseAsync(blank, OcrRequest.Vietnamese(OcrLayout.Block), null, cancellationToken);
            await ocr.RecogniseAsync(blank, OcrRequest.Mrz, null, cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("Tesseract cannot read (native library or language data missing).", ex);
        }
    }
}
