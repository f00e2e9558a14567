using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using SmartKiosk.TestSupport;

namespace SmartKiosk.Benchmarks.Issuance;

/// <summary>
/// Starts the KioskGateway (Release build) on the benchmark's data folder with the benchmark client
/// exempt from the public rate limit, and loads GET /api/public/copies/{code} with wrk.
/// </summary>
public sealed partial record VerificationLoad(double RequestsPerSecond, long Requests, long Non2xx, string Latency)
{
    public static async Task<VerificationLoad> RunAsync(string data, string code, IssuanceBenchSettings settings, CancellationToken cancellationToken)
    {
        var gatewayDll = RepositoryPaths.Combine("KioskGateway", "bin", "Release", "net10.0", "SmartKiosk.KioskGateway.dll");
        if (!File.Exists(gatewayDll))
        {
            throw new FileNotFoundException("Build the solution in Release first (dotnet build -c Release).", gatewayDll);
        }
        var port = LoopbackPort.Free();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryPaths.Combine("KioskGateway") };
        start.ArgumentList.Add(gatewayDll);
        start.Environment["SMARTKIOSK_DATA"] = data;
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["PublicVerification__ExemptAddresses__0"] = "127.0.0.1";
        using var gateway = Process.Start(start) ?? throw new InvalidOperationException("The gateway did not start.");
        _ = gateway.StandardOutput.ReadToEndAsync(cancellationToken);
        _ = gateway.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await WaitHealthyAsync(http, gateway, cancellationToken);
            var url = $"http://127.0.0.1:{port}/api/public/copies/{code}";
            var check = await http.GetStringAsync(new Uri(url), cancellationToken);
            if (!check.Contains("\"Valid\"", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"The gateway does not find the issued copy: {check}");
            }
            var wrk = Process.Start(new ProcessStartInfo("wrk", ["-t2", $"-c{settings.Connections}", $"-d{settings.Seconds}s", "--latency", url]) { RedirectStandardOutput = true })
                ?? throw new InvalidOperationException("wrk did not start (install the Debian package wrk).");
            var output = await wrk.StandardOutput.ReadToEndAsync(cancellationToken);
            await wrk.WaitForExitAsync(cancellationToken);
            return Parse(output);
        }
        finally
        {
            gateway.Kill(entireProcessTree: true);
            await gateway.WaitForExitAsync(CancellationToken.None);
        }
    }

    public void Print(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine(FormattableString.Invariant($"Public verification by code (GET /api/public/copies/{{code}}, wrk, 2 threads): {RequestsPerSecond:F0} requests/s, {Requests} requests, {Non2xx} not 2xx; latency {Latency}"));
    }

    private static VerificationLoad Parse(string output)
    {
        double Number(Regex pattern) => pattern.Match(output) is { Success: true } m ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var percentiles = string.Join(", ", LatencyLine().Matches(output).Select(m => $"p{m.Groups[1].Value} {m.Groups[2].Value}"));
        return new VerificationLoad(Number(RequestsPerSecondLine()), (long)Number(RequestsLine()), (long)Number(Non2xxLine()), percentiles);
    }

    private static async Task WaitHealthyAsync(HttpClient http, Process gateway, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 240; attempt++)
        {
            if (gateway.HasExited)
            {
                throw new InvalidOperationException($"The gateway exited with {gateway.ExitCode}.");
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

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecondLine();

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex RequestsLine();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex Non2xxLine();

    [GeneratedRegex(@"^\s+(50|75|90|99)%\s+([\d.]+\w+)", RegexOptions.Multiline)]
    private static partial Regex LatencyLine();
}
