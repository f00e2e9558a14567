using Microsoft.Extensions.Configuration;
using SmartKiosk.Workflows.Options;

namespace SmartKiosk.Activities.Hosting;

/// <summary>
/// The effective database settings, resolved once from configuration: the <c>Persistence</c>
/// section, or a SQLite file in the data folder when nothing is configured.
/// </summary>
public static class PersistenceSettings
{
    public static PersistenceOptions Resolve(IConfiguration configuration)
    {
        var options = new PersistenceOptions();
        configuration.GetSection(PersistenceOptions.SectionName).Bind(options);
        if (options.Provider == DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            options.ConnectionString = $"Data Source={Path.Combine(DataFolderOptions.Resolve(configuration), "smartkiosk.db")}";
        }

        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new InvalidOperationException("Persistence:ConnectionString is required for PostgreSQL.");
        }

        return options;
    }
}
