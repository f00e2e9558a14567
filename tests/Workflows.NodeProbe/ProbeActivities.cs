using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SmartKiosk.Activities.Issuance.Register;
using SmartKiosk.Activities.Storage;
using SmartKiosk.Workflows.Attributes;
using SmartKiosk.Workflows.Contracts;
using SmartKiosk.Workflows.Runtime;

namespace SmartKiosk.Workflows.NodeProbe;

/// <summary>
/// Cheap activities with the side effects of a certification — each made outside the instance's commit
/// (a register number, a blob) or with it (an outbox row) — so that a run done twice would show.
/// </summary>
[Activity("Probe.TakeNumber", Category = "Test")]
[Outcomes(ActivityResult.DoneOutcome)]
[Retry(MaxAttempts = 10, BackoffSeconds = 1)]
public sealed class TakeNumber : Activity
{
    [Input(Required = true)]
    public string AgencyId { get; set; } = "";

    [Output]
    public string? Number { get; set; }

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        var register = context.Services.GetRequiredService<CertificationRegister>();
        var entry = await register.NumberAsync(new NumberRequest(AgencyId, "probe:" + context.InstanceId.ToString("N"), "probe", "probe-officer", 1, 2_000), context.CancellationToken);
        Number = entry.NumberLabel;
        return ActivityResult.Done();
    }
}

[Activity("Probe.StoreBlob", Category = "Test")]
[Outcomes(ActivityResult.DoneOutcome)]
public sealed class StoreBlob : Activity
{
    [Output]
    public string? Sha256 { get; set; }

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        var blobs = context.Services.GetRequiredService<IBlobStore>();
        await using var content = new MemoryStream(Encoding.UTF8.GetBytes("copy of instance " + context.InstanceId));
        Sha256 = (await blobs.PutAsync(content, context.CancellationToken)).Sha256;
        return ActivityResult.Done();
    }
}

[Activity("Probe.Notify", Category = "Test")]
[Outcomes(ActivityResult.DoneOutcome)]
public sealed class Notify : Activity
{
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        context.Enqueue("probe.notify", new JsonObject { ["instanceId"] = context.InstanceId.ToString() });
        return ValueTask.FromResult(ActivityResult.Done());
    }
}

/// <summary>Work that takes a while (OCR, a signature), so runs overlap and a kill lands in the middle of some.</summary>
[Activity("Probe.Work", Category = "Test")]
[Outcomes(ActivityResult.DoneOutcome)]
public sealed class Work : Activity
{
    [Input]
    public int Milliseconds { get; set; }

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        await Task.Delay(Milliseconds, context.CancellationToken);
        return ActivityResult.Done();
    }
}
