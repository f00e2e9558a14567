using SmartKiosk.Designer.Host;

namespace SmartKiosk.Hosts.FunctionalTests.Infrastructure;

/// <summary>Class fixture: one Designer.Host over its own PostgreSQL database, shared by a test class.</summary>
public sealed class PostgresDesignerHost : PostgresDatabaseFixture<PostgresDesignerHost>, IAsyncLifetime
{
    public HostFactory<DesignerHostEntryPoint> Host { get; private set; } = null!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        Host = new HostFactory<DesignerHostEntryPoint>(ConnectionString);
        _ = Host.Server;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await Host.DisposeAsync();
        await DisposeAsync();
    }
}
