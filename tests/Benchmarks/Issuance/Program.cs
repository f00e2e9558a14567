// Issuance benchmark: issues 2-page ID card copies (render, officer signature, agency seal, two
// time-stamps, store, register) and measures their latency; then starts the KioskGateway and loads its
// public verification by code with wrk.
// Usage: dotnet tests/Benchmarks/Issuance/bin/Release/net10.0/SmartKiosk.Benchmarks.Issuance.dll [--smoke] [--copies N] [--seconds N]
using SmartKiosk.Benchmarks.Issuance;

var settings = IssuanceBenchSettings.Parse(args);
var data = Directory.CreateTempSubdirectory("smartkiosk-issuance-bench-").FullName;
try
{
    var issuance = await IssuanceMeasurement.RunAsync(data, settings, CancellationToken.None);
    issuance.Print(Console.Out);
    var verification = await VerificationLoad.RunAsync(data, issuance.SampleCode, settings, CancellationToken.None);
    verification.Print(Console.Out);
    return verification.Non2xx == 0 && verification.Requests > 0 ? 0 : 1;
}
finally
{
    Directory.Delete(data, recursive: true);
}
