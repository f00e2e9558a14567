// Usage: SmartKiosk.Workflows.CrashProbe <Sqlite|PostgreSql> <connection string> <signal> <correlation id> [idempotency key]
// Delivers one signal through a full engine, as a host process would. Run with
// SMARTKIOSK_TEST_KILL_AT=<activity id> it dies inside that activity, before any commit.
using Microsoft.Extensions.DependencyInjection;
using SmartKiosk.TestSupport.Activities;
using SmartKiosk.Workflows.Contracts;
using SmartKiosk.Workflows.Extensions;
using SmartKiosk.Workflows.Options;
using SmartKiosk.Workflows.Runtime;

if (args.Length < 4)
{
    Console.Error.WriteLine("usage: CrashProbe <Sqlite|PostgreSql> <connection string> <signal> <correlation id> [idempotency key]");
    return 2;
}

var services = new ServiceCollection();
services.AddLogging();
services.AddWorkflows(typeof(ProcessKill).Assembly);
services.Configure<PersistenceOptions>(o =>
{
    o.Provider = Enum.Parse<DatabaseProvider>(args[0]);
    o.ConnectionString = args[1];
});

await using var provider = services.BuildServiceProvider();
var results = await provider.GetRequiredService<IWorkflowRuntime>()
    .SignalAsync(new SignalRequest(args[2], args[3], null, args.Length > 4 ? args[4] : null), CancellationToken.None);
Console.WriteLine(string.Join(",", results.Select(r => r.Status)));
return 0;
