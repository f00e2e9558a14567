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
        await using var gateway = await HostProcess.StartGatewayAsync(data, new Dictionary<string, string> { ["PublicVerification__ExemptAddresses__0"] = "127.0.0.1" }, cancellationToken);
        using var http = new HttpClient { BaseAddress = gateway.Address };
        var url = new Uri(gateway.Address, $"/api/public/copies/{code}").ToString();
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

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecondLine();

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex RequestsLine();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex Non2xxLine();

    [GeneratedRegex(@"^\s+(50|75|90|99)%\s+([\d.]+\w+)", RegexOptions.Multiline)]
    private static partial Regex LatencyLine();
}
