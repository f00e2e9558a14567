using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SmartKiosk.Activities.Intake;
using SmartKiosk.Activities.Recognition.IdCards;
using SmartKiosk.Activities.Recognition.Imaging;
using SmartKiosk.Activities.Recognition.Ocr;
using SmartKiosk.Activities.Recognition.Quality;
using SmartKiosk.Activities.Recognition.Templates;
using SmartKiosk.Activities.Recognition.Validation;

namespace SmartKiosk.Activities.Recognition;

/// <summary>Registers intake decoding and the recognition pipeline: one OCR pool per process, everything else stateless.</summary>
public static class RecognitionServiceCollectionExtensions
{
    public static IServiceCollection AddDocumentRecognition(this IServiceCollection services, IConfiguration? configuration = null)
    {
        services.AddOptions();
        if (configuration is not null)
        {
            services.AddOptions<OcrOptions>().Bind(configuration.GetSection(OcrOptions.SectionName));
            services.AddOptions<QualityOptions>().Bind(configuration.GetSection(QualityOptions.SectionName));
            services.AddOptions<PdfRasterOptions>().Bind(configuration.GetSection(PdfRasterOptions.SectionName));
            services.AddOptions<IntakeLimits>().Bind(configuration.GetSection(IntakeLimits.SectionName));
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<OcrEnginePool>();
        services.TryAddSingleton<IOcrEngine>(sp => sp.GetRequiredService<OcrEnginePool>());
        services.TryAddSingleton<ITemplateStore, SeedTemplateStore>();
        services.TryAddSingleton<QualityGate>();
        services.TryAddSingleton<PagePreparer>();
        services.TryAddSingleton<FieldValidator>();
        services.TryAddSingleton<MrzReader>();
        services.TryAddSingleton<RedInkReader>();
        services.TryAddSingleton<Extraction.SecondReader>();
        services.TryAddSingleton<DocumentRecogniser>();
        services.TryAddSingleton<PdfRasterizer>();
        services.TryAddSingleton<ScanDecoder>();
        services.TryAddSingleton<UploadChecker>();
        return services;
    }
}
