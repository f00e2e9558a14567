using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SmartKiosk.Activities.Dossiers.DocumentTypes;
using SmartKiosk.Activities.Dossiers.Persistence;
using SmartKiosk.Activities.Dossiers.Progress;
using SmartKiosk.Activities.Kiosks;
using SmartKiosk.Workflows.Contracts;

namespace SmartKiosk.Activities.Dossiers;

/// <summary>Registers dossiers, document types and the kiosk registry (both hosts).</summary>
public static class DossierServiceCollectionExtensions
{
    public static IServiceCollection AddDossiers(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DossierOptions>().Bind(configuration.GetSection(DossierOptions.SectionName));
        services.AddOptions<DocumentTypeOptions>().Bind(configuration.GetSection(DocumentTypeOptions.SectionName));
        services.AddOptions<DemoKioskOptions>().Bind(configuration.GetSection(DemoKioskOptions.SectionName));
        services.TryAddSingleton<DossierDbContextFactory>();
        services.TryAddSingleton<DossierStore>();
        services.TryAddSingleton<Reports.DossierFacts>();
        services.TryAddSingleton<DossierChangeFeed>();
        services.TryAddSingleton<DossierProjector>();
        services.AddSingleton<IWorkflowObserver>(sp => sp.GetRequiredService<DossierProjector>());
        services.TryAddSingleton<DossierService>();
        services.TryAddSingleton<DossierRetention>();
        services.TryAddSingleton<DocumentTypeCatalog>();
        services.TryAddSingleton<DefaultWorkflowSeeder>();
        services.TryAddSingleton<DeviceSecretProtector>();
        services.TryAddSingleton<KioskRegistry>();
        services.TryAddSingleton<DemoKioskSeeder>();
        services.AddOptions<Delivery.DownloadLinkOptions>().Bind(configuration.GetSection(Delivery.DownloadLinkOptions.SectionName));
        services.TryAddSingleton<Delivery.DownloadLinks>();
        services.AddOptions<Delivery.Email.EmailOptions>().Bind(configuration.GetSection(Delivery.Email.EmailOptions.SectionName));
        services.TryAddSingleton<Delivery.Email.EmailOutbox>();
        services.TryAddSingleton<Delivery.Email.CopyEmailAtKiosk>();
        services.AddOptions<Payments.PaymentOptions>().Bind(configuration.GetSection(Payments.PaymentOptions.SectionName));
        services.TryAddSingleton<Payments.IPaymentProvider, Payments.SandboxPaymentProvider>();
        services.TryAddSingleton<Payments.PaymentService>();
        services.AddOptions<Citizens.CitizenTokenOptions>().Bind(configuration.GetSection(Citizens.CitizenTokenOptions.SectionName));
        services.TryAddSingleton<Citizens.CitizenKeys>();
        services.TryAddSingleton<Citizens.CitizenTokenKey>();
        services.TryAddSingleton<Citizens.CitizenAuthService>();
        services.AddHostedService<DossierDatabaseInitializer>();
        services.AddHostedService<Delivery.Email.EmailOutboxWorker>();
        return services;
    }
}
