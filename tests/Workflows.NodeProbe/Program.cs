// One engine node: takes runs from the shared queue until it is stopped (or killed) — see MultiNodeTests.
// Configured like a host, through the environment: Persistence__ConnectionString, Workflows__Dispatch__*,
// Blobs__* (the key comes from the environment, as production keys come from secrets) and DataFolder.
// Prints "ready" once it takes runs.
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SmartKiosk.Activities.Hosting;
using SmartKiosk.Activities.Issuance;
using SmartKiosk.Activities.Storage;
using SmartKiosk.Workflows.Extensions;
using SmartKiosk.Workflows.NodeProbe;
using SmartKiosk.Workflows.Options;

var builder = Host.CreateApplicationBuilder();
var configuration = builder.Configuration;
var services = builder.Services;
services.AddWorkflows(typeof(TakeNumber).Assembly);
services.Configure<PersistenceOptions>(configuration.GetSection(PersistenceOptions.SectionName));
services.AddWorkflowDispatch(o => configuration.GetSection(DispatchOptions.SectionName).Bind(o));
services.AddWorkflowTimers(o =>
{
    configuration.GetSection("Workflows:Timers").Bind(o);
    o.ClusterConnectionString = configuration["Persistence:ConnectionString"];
});
services.AddCertificationRegister(configuration);
services.AddOptions<BlobStoreOptions>().Bind(configuration.GetSection(BlobStoreOptions.SectionName));
services.Configure<DataFolderOptions>(o => o.Path = configuration["DataFolder"] ?? throw new InvalidOperationException("DataFolder is not set."));
services.AddSingleton<BlobKeyRing>();
services.AddSingleton<IBlobStore, LocalEncryptedBlobStore>();

using var host = builder.Build();
host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.Register(() => Console.WriteLine("ready"));
await host.RunAsync();
