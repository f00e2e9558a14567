using System.Diagnostics;
using System.Net;

namespace SmartKiosk.TestSupport;

/// <summary>
/// The Release build of a host (the KioskGateway or the back office) as its own process on a free loopback
/// port, over a given data folder, for benchmarks that use it over real sockets as a kiosk or a browser
/// would. Stopped (killed) on dispose.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;

    private HostProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>The host's process id, for a benchmark that reads its CPU time.</summary>
    public int ProcessId => _process.Id;

    /// <summary>Starts the gateway with <paramref name="settings"/> as environment configuration and waits until /health answers.</summary>
    public static Task<HostProcess> StartGatewayAsync(string dataFolder, IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken) =>
        StartAsync("KioskGateway", "SmartKiosk.KioskGateway.dll", dataFolder, settings, publicBaseUrl: null, cancellationToken);

    /// <summary>Starts the back office beside a gateway (same data folder, so the same SQLite database, blobs and keys).</summary>
    public static Task<HostProcess> StartBackOfficeAsync(string dataFolder, Uri gateway, IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken) =>
        StartAsync("Designer.Host", "SmartKiosk.Designer.Host.dll", dataFolder, settings, gateway, cancellationToken);

    private static async Task<HostProcess> StartAsync(string project, string dll, string dataFolder, IReadOnlyDictionary<string, string> settings, Uri? publicBaseUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var hostDll = RepositoryPaths.Combine(project, "bin", "Release", "net10.0", dll);
        if (!File.Exists(hostDll))
        {
            throw new FileNotFoundException("Build the solution in Release first (dotnet build -c Release).", hostDll);
        }
        var address = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryPaths.Combine(project) };
        start.ArgumentList.Add(hostDll);
        start.Environment["SMARTKIOSK_DATA"] = dataFolder;
        start.Environment["ASPNETCORE_URLS"] = address.ToString().TrimEnd('/');
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Issuance__PublicBaseUrl"] = (publicBaseUrl ?? address).ToString().TrimEnd('/');
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{project} did not start.");
        _ = process.StandardOutput.ReadToEndAsync(cancellationToken);
        _ = process.StandardError.ReadToEndAsync(cancellationToken);
        var host = new HostProcess(process, address);
        try
        {
            await host.WaitHealthyAsync(cancellationToken);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>Kills the host at once (SIGKILL, no graceful stop), as a crashed node; dispose still waits for it.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

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
                throw new InvalidOperationException($"The host exited with {_process.ExitCode}.");
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
        throw new TimeoutException("The host did not become healthy in a minute.");
    }
}
