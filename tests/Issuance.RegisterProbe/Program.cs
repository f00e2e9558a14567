// Takes register numbers from several workers at once, as one of two issuing processes.
// Usage: SmartKiosk.Issuance.RegisterProbe <connection string> <process tag> <copies> <workers> <agency,agency,...>
// Every tenth copy "fails to sign" and its number is voided, as a real signing failure would be.
using Microsoft.Extensions.DependencyInjection;
using SmartKiosk.Activities.Issuance;
using SmartKiosk.Activities.Issuance.Register;
using SmartKiosk.Workflows.Options;

var connection = args[0];
var tag = args[1];
var copies = int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture);
var workers = int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture);
var agencies = args[4].Split(',');

using var services = new ServiceCollection()
    .AddLogging()
    .Configure<PersistenceOptions>(o =>
    {
        o.Provider = DatabaseProvider.PostgreSql;
        o.ConnectionString = connection;
    })
    .AddCertificationRegister()
    .BuildServiceProvider();
var register = services.GetRequiredService<CertificationRegister>();

var next = -1;
await Task.WhenAll(Enumerable.Range(0, workers).Select(worker => Task.Run(async () =>
{
    int i;
    while ((i = Interlocked.Increment(ref next)) < copies)
    {
        var entry = await register.NumberAsync(
            new NumberRequest(agencies[i % agencies.Length], $"{tag}-{i}", "cccd-2021-front", "probe-officer", 2, 4_000), CancellationToken.None);
        if (i % 10 == 9)
        {
            await register.VoidAsync(entry.Id, "simulated signing failure", CancellationToken.None);
        }
        else
        {
            await register.MarkIssuedAsync(entry.Id, CancellationToken.None);
        }
    }
})));
Console.WriteLine($"numbered {copies}");
