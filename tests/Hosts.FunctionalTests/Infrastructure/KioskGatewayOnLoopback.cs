using Microsoft.Extensions.DependencyInjection;
using SmartKiosk.Activities.Issuance.Keys;
using SmartKiosk.KioskGateway;
using SmartKiosk.Samples.KioskSimulator.Client;

namespace SmartKiosk.Hosts.FunctionalTests.Infrastructure;

/// <summary>
/// Class fixture: a KioskGateway over its own PostgreSQL database, listening on a real loopback port,
/// with the demo kiosk's credential, an SMTP server on a socket for its e-mail, and an NSS database that trusts the run's development root (so
/// poppler's pdfsig judges issued copies on its own).
/// </summary>
public class KioskGatewayOnLoopback : PostgresDatabaseFixture<KioskGatewayOnLoopback>, IAsyncLifetime
{
    public HostFactory<GatewayEntryPoint> Host { get; private set; } = null!;

    public Uri Address { get; private set; } = null!;

    public KioskCredential DemoKiosk { get; private set; } = null!;

    /// <summary>The SMTP server the gateway's outbox sends to.</summary>
    public SmtpInbox Mail { get; } = new();

    public string NssFolder => Path.Combine(Host.DataPath, "nss");

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        Host = new HostFactory<GatewayEntryPoint>(ConnectionString);
        Host.Settings["Delivery:Email:Smtp:Host"] = "127.0.0.1";
        Host.Settings["Delivery:Email:Smtp:Port"] = Mail.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Host.Settings["Delivery:Email:Smtp:Security"] = "None";
        Host.Settings["Delivery:Email:PollInterval"] = "00:00:00.200";
        Host.Settings["Delivery:Email:RetryDelay"] = "00:00:01";
        Configure(Host.Settings);
        Address = Host.StartOnLoopback();
        DemoKiosk = KioskCredential.Load(Path.Combine(Host.DataPath, KioskCredential.DemoFileName));

        Directory.CreateDirectory(NssFolder);
        var root = Path.Combine(Host.DataPath, "root.cer");
        await File.WriteAllBytesAsync(root, DevelopmentPki.Root(SharedDevelopmentPki.Folder).RawData);
        CommandLine.Run("certutil", "-N", "-d", $"sql:{NssFolder}", "--empty-password");
        CommandLine.Run("certutil", "-A", "-d", $"sql:{NssFolder}", "-n", "smartkiosk-dev-root", "-t", "C,C,C", "-i", root);
        await StartedAsync();
    }

    /// <summary>For a fixture that starts more around the running gateway (e.g. the back office).</summary>
    protected virtual Task StartedAsync() => Task.CompletedTask;

    /// <summary>Stops what <see cref="StartedAsync"/> started, before the gateway stops.</summary>
    protected virtual Task StoppingAsync() => Task.CompletedTask;

    /// <summary>More settings for a fixture that needs them, before the gateway starts.</summary>
    protected virtual void Configure(IDictionary<string, string?> settings)
    {
    }

    /// <summary>The demo faces, for generated citizens.</summary>
    public static IReadOnlyList<(string Name, byte[] Jpeg)> Faces { get; } =
        [.. Enumerable.Range(0, TestSupport.Faces.DemoFaces.Count).Select(i => (TestSupport.Faces.DemoFaces.Name(i), TestSupport.Faces.DemoFaces.Jpeg(i)))];

    /// <summary>
    /// The officer acts on the dossier's approval task through the engine's task API, standing in for the
    /// back office (which this gateway-only fixture does not run): like the back office, it names the
    /// agency's first officer as the signer. Returns the task as it was offered.
    /// </summary>
    public async Task<Workflows.UserTasks.UserTaskView> ActAsOfficerAsync(Guid dossierId, string action)
    {
        var ct = CancellationToken.None;
        var dossier = await Host.Services.GetRequiredService<Activities.Dossiers.DossierStore>().GetAsync(dossierId, ct);
        var tasks = Host.Services.GetRequiredService<Workflows.Contracts.IUserTaskService>();
        var task = Assert.Single(await tasks.ListAsync(new Workflows.UserTasks.UserTaskQuery(InstanceId: dossier!.InstanceId), ct));
        var result = task.FormData?.DeepClone() as System.Text.Json.Nodes.JsonObject ?? [];
        result["officerId"] = Activities.Issuance.Agencies.SeedAgencies.Officers.First(o => o.AgencyId == dossier.AgencyId).Id;
        await tasks.CompleteAsync(task.Id, new Workflows.UserTasks.TaskActor("clerk", ["clerk"]), action, result, task.Revision, $"{action}-{task.Id}", ct);
        return task;
    }

    /// <summary>A kiosk client for the demo kiosk (or another credential) over the real socket.</summary>
    public KioskApiClient Kiosk(KioskCredential? credential = null, TimeProvider? time = null) =>
        new(new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromMinutes(2) }, new RequestSigner(credential ?? DemoKiosk, time ?? TimeProvider.System));

    async Task IAsyncLifetime.DisposeAsync()
    {
        await StoppingAsync();
        await Host.DisposeAsync();
        await Mail.DisposeAsync();
        await DisposeAsync();
    }
}
