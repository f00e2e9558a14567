using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace SmartKiosk.Activities.Settings;

public static class SavedSettingsExtensions
{
    /// <summary>
    /// Adds the settings administrators save on screen as the host's last configuration source, kept in
    /// step with the database. Call after <c>AddSmartKioskCore</c> (its migrations run first) and before
    /// hosted services that read document types at start.
    /// </summary>
    public static IHostApplicationBuilder AddSavedSettings(this IHostApplicationBuilder builder)
    {
        var provider = new SavedSettingsProvider();
        builder.Configuration.Add(provider);
        builder.Services.AddSingleton(provider);
        builder.Services.AddSingleton<SavedSettingsRefresher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SavedSettingsRefresher>());
        builder.Services.AddSingleton<SettingsLibrary>();
        return builder;
    }
}
