using SmartKiosk.KioskGateway;

namespace SmartKiosk.Hosts.FunctionalTests.Infrastructure;

/// <summary>Class fixture: one KioskGateway over its own PostgreSQL database, shared by a test class.</summary>
public sealed class PostgresGatewayHost : PostgresDatabaseFixture<PostgresGatewayHost>, IAsyncLifetime
{
    public HostFactory<GatewayEntryPoint> Host { get; private set; } = null!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        Host = new HostFactory<GatewayEntryPoint>(ConnectionString);
        _ = Host.Server;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await Host.DisposeAsync();
        await DisposeAsync();
    }
}
