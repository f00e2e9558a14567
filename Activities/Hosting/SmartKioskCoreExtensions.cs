using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SmartKiosk.Activities.Dossiers;
using SmartKiosk.Activities.Faces;
using SmartKiosk.Activities.Issuance;
using SmartKiosk.Activities.Recognition;
using SmartKiosk.Workflows.Extensions;
using SmartKiosk.Workflows.Options;

namespace SmartKiosk.Activities.Hosting;

/// <summary>What both hosts share: the data folder, the engine with the certification activities, its database and health.</summary>
public static class SmartKioskCoreExtensions
{
    public static IServiceCollection AddSmartKioskCore(this IServiceCollection services, IConfiguration configuration)
    {
        var dataPath = DataFolderOptions.Resolve(configuration);
        Directory.CreateDirectory(dataPath);
        services.Configure<DataFolderOptions>(o => o.Path = dataPath);

        services.AddWorkflows(typeof(SmartKioskCoreExtensions).Assembly);

        var persistence = PersistenceSettings.Resolve(configuration);
        services.Configure<PersistenceOptions>(o =>
        {
            o.Provider = persistence.Provider;
            o.ConnectionString = persistence.ConnectionString;
        });

        // Hosted services start in registration order: the schema first, then the timers read from it.
        // On PostgreSQL the nodes share one run queue and one clustered timer scheduler: nothing else to configure.
        services.AddHostedService<StartupSerializer>();
        services.AddHostedService<DatabaseMigrationService>();
        services.AddWorkflowTimers(o =>
        {
            configuration.GetSection("Workflows:Timers").Bind(o);
            if (persistence.Provider == DatabaseProvider.PostgreSql)
            {
                o.ClusterConnectionString ??= persistence.ConnectionString;
            }
        });
        services.AddWorkflowDispatch(o => configuration.GetSection(DispatchOptions.SectionName).Bind(o));
        services.AddOptions<WorkflowsOptions>().Bind(configuration.GetSection(WorkflowsOptions.SectionName));

        services.AddOptions<Storage.BlobStoreOptions>().Bind(configuration.GetSection(Storage.BlobStoreOptions.SectionName));
        services.AddSingleton<Storage.BlobKeyRing>();
        services.AddSingleton<Storage.KeyRingCipher>();
        services.AddSingleton<Storage.IBlobStore, Storage.LocalEncryptedBlobStore>();

        services.AddDocumentRecognition(configuration);
        // In a host the templates administrators save (database) replace the shipped ones.
        services.Replace(ServiceDescriptor.Singleton<Recognition.Templates.ITemplateStore, Recognition.Templates.StoredTemplateStore>());
        services.TryAddSingleton<Recognition.Templates.TemplateLibrary>();
        services.TryAddSingleton<Recognition.Templates.TemplateTrial>();
        services.AddFaceVerification(configuration);
        services.AddIssuance(configuration);
        services.AddOptions<Fees.FeeOptions>().Bind(configuration.GetSection(Fees.FeeOptions.SectionName));
        services.AddSingleton<Fees.FeeCalculator>();
        services.AddHostedService<Issuance.IssuanceStartup>();
        services.AddDossiers(configuration);
        // Loads (and on first run converts) the face models while the host starts serving.
        services.AddHostedService<Faces.Models.FaceModelWarmup>();

        // /health/ready runs them all (a node takes traffic when they pass); /health/live runs none (the process answers).
        services.AddHealthChecks()
            .AddCheck<Health.DatabaseHealthCheck>("database")
            .AddCheck<Health.BlobStoreHealthCheck>("blob-store")
            .AddCheck<Health.MailHealthCheck>("mail")
            .AddCheck<Health.OcrHealthCheck>("tesseract")
            .AddCheck<Faces.Models.FaceModelsHealthCheck>("face-models");
        return services;
    }
}
