using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace SmartKiosk.Activities.Settings;

public static class SavedSettingsExtensions
{
    /// <summary>
    /// Adds the settings administrators save on screen as the host's last configuration source, kept in
    /// step with the database. Call after <c>AddSmartKioskCore</c>: its refresher is placed right after the
    /// dossier schema's initialiser among the hosted services.
    /// </summary>
    public static IHostApplicationBuilder AddSavedSettings(this IHostApplicationBuilder builder)
    {
        var provider = new SavedSettingsProvider();
        builder.Configuration.Add(provider);
        builder.Services.AddSingleton(provider);
        builder.Services.AddSingleton<SavedSettingsRefresher>();
        // Started right after its table exists (the dossier schema), before the e-mail outbox, the seeders and the
        // host's own workers: a copy mailed or a document type read at start uses the saved values, not the files'.
        var refresher = ServiceDescriptor.Singleton<IHostedService>(sp => sp.GetRequiredService<SavedSettingsRefresher>());
        var schema = builder.Services.ToList().FindIndex(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(Dossiers.Persistence.DossierDatabaseInitializer));
        builder.Services.Insert(schema < 0 ? builder.Services.Count : schema + 1, refresher);
        builder.Services.AddSingleton<SettingsLibrary>();
        return builder;
    }
}
