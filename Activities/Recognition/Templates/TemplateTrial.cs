using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SmartKiosk.Activities.Intake;
using SmartKiosk.Activities.Recognition.Imaging;

namespace SmartKiosk.Activities.Recognition.Templates;

/// <summary>
/// Runs a template that is being edited (not saved) on a sample scan, through the same intake checks
/// (size, format, decompression limits) and the same recogniser the kiosks use, among the templates in
/// use — so what the administrator sees is what a kiosk would get.
/// </summary>
public sealed class TemplateTrial(IServiceProvider services, ITemplateStore store, ScanDecoder decoder, IOptions<IntakeLimits> limits)
{
    /// <exception cref="ScanRejectedException">The sample is not an image or PDF the kiosks would accept.</exception>
    public async Task<RecognitionResult> RunAsync(DocumentTemplate template, byte[] scan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(scan);
        var inspection = ScanInspector.Inspect(scan, limits.Value);
        using var pages = await decoder.DecodeAsync(scan, inspection, cancellationToken);
        var inUse = await store.GetAllAsync(cancellationToken);
        var trial = new FixedTemplateStore([.. inUse.Where(t => t.Id != template.Id), template]);
        var recogniser = ActivatorUtilities.CreateInstance<DocumentRecogniser>(services, trial);
        return await recogniser.RecogniseAsync(pages.Pages, new RecognitionRequest(template.Id, CaptureSource.Scanner), cancellationToken);
    }

    private sealed class FixedTemplateStore(IReadOnlyList<DocumentTemplate> templates) : ITemplateStore
    {
        public ValueTask<IReadOnlyList<DocumentTemplate>> GetAllAsync(CancellationToken cancellationToken) => ValueTask.FromResult(templates);
    }
}
