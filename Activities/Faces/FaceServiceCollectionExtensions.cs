using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SmartKiosk.Activities.Faces.Capture;
using SmartKiosk.Activities.Faces.Descriptors;
using SmartKiosk.Activities.Faces.Detection;
using SmartKiosk.Activities.Faces.Landmarks;
using SmartKiosk.Activities.Faces.Liveness;
using SmartKiosk.Activities.Faces.Matching;
using SmartKiosk.Activities.Faces.Models;
using SmartKiosk.Activities.Faces.Portraits;
using SmartKiosk.Activities.Recognition;

namespace SmartKiosk.Activities.Faces;

/// <summary>Registers face verification: one set of ONNX sessions per process, everything else stateless.</summary>
public static class FaceServiceCollectionExtensions
{
    public static IServiceCollection AddFaceVerification(this IServiceCollection services, IConfiguration? configuration = null)
    {
        services.AddOptions();
        if (configuration is not null)
        {
            services.AddOptions<FaceModelOptions>().Bind(configuration.GetSection(FaceModelOptions.SectionName));
            services.AddOptions<FaceSelectionOptions>().Bind(configuration.GetSection(FaceSelectionOptions.SectionName));
            services.AddOptions<LivenessOptions>().Bind(configuration.GetSection(LivenessOptions.SectionName));
        }
        // The portrait is found on the card with recognition's page preparation and templates.
        services.AddDocumentRecognition(configuration);
        services.TryAddSingleton<FaceModelProvisioner>();
        services.TryAddSingleton<FaceModelSessions>();
        services.TryAddSingleton<TinyFaceDetector>();
        services.TryAddSingleton<FaceLandmarker>();
        services.TryAddSingleton<FaceDescriptorExtractor>();
        services.TryAddSingleton<FaceAnalyzer>();
        services.TryAddSingleton<FaceSelector>();
        services.TryAddSingleton<FaceMatcher>();
        services.TryAddSingleton<PortraitExtractor>();
        services.TryAddSingleton<LivenessEvaluator>();
        services.TryAddSingleton<LivenessChecker>();
        services.TryAddSingleton<FaceCaptureReader>();
        return services;
    }
}
