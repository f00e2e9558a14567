using System.Diagnostics;
using System.Net;

namespace SmartKiosk.TestSupport;

/// <summary>
/// The Release build of the KioskGateway as its own process on a free loopback port, over a given data
/// folder, for benchmarks that load it over real sockets as a kiosk would. Stopped (killed) on dispose.
/// </summary>
public sealed class GatewayProcess : IAsyncDisposable
{
    private readonly Process _process;

    private GatewayProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>Starts the gateway with <paramref name="settings"/> as environment configuration and waits until /health answers.</summary>
    public static async Task<GatewayProcess> StartAsync(string dataFolder, IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var gatewayDll = RepositoryPaths.Combine("KioskGateway", "bin", "Release", "net10.0", "SmartKiosk.KioskGateway.dll");
        if (!File.Exists(gatewayDll))
        {
            throw new FileNotFoundException("Build the solution in Release first (dotnet build -c Release).", gatewayDll);
        }
        var address = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryPaths.Combine("KioskGateway") };
        start.ArgumentList.Add(gatewayDll);
        start.Environment["SMARTKIOSK_DATA"] = dataFolder;
        start.Environment["ASPNETCORE_URLS"] = address.ToString().TrimEnd('/');
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Issuance__PublicBaseUrl"] = address.ToString().TrimEnd('/');
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("The gateway did not start.");
        _ = process.StandardOutput.ReadToEndAsync(cancellationToken);
        _ = process.StandardError.ReadToEndAsync(cancellationToken);
        var gateway = new GatewayProcess(process, address);
        try
        {
            await gateway.WaitHealthyAsync(cancellationToken);
            return gateway;
        }
        catch
        {
            await gateway.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        await _process.WaitForExitAsync(CancellationToken.None);
        _process.Dispose();
    }

    private async Task WaitHealthyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = Address };
        for (var attempt = 0; attempt < 240; attempt++)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The gateway exited with {_process.ExitCode}.");
            }
            try
            {
                if ((await http.GetAsync(new Uri("/health", UriKind.Relative), cancellationToken)).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(250, cancellationToken);
        }
        throw new TimeoutException("The gateway did not become healthy in a minute.");
    }
}
