using System.Text.Json.Nodes;
using SmartKiosk.Workflows.Attributes;
using SmartKiosk.Workflows.Contracts;
using SmartKiosk.Workflows.Runtime;

namespace SmartKiosk.Workflows.Activities.Signals;

/// <summary>Waits for a named external event for one correlation value (e.g. "rescan-done" for a dossier).</summary>
[Activity("WaitForSignal", Category = "Signals", DisplayName = "Wait for signal", Description = "Waits until a named signal arrives for this instance's correlation value.")]
[Outcomes(ActivityResult.DoneOutcome)]
public sealed class WaitForSignal : Activity
{
    public const string BookmarkName = "Signal";

    [Input(Description = "The signal's name.", Required = true, Pattern = "^[A-Za-z0-9._:-]{1,100}$")]
    public string Signal { get; set; } = "";

    [Input(Description = "Whose signal; defaults to the instance's correlation id.")]
    public string? CorrelationId { get; set; }

    [Output(Description = "The data that came with the signal.")]
    public JsonNode? Payload { get; set; }

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context) =>
        ValueTask.FromResult(ActivityResult.Suspend(new BookmarkRequest(BookmarkName, Signal, CorrelationId ?? context.CorrelationId)));

    public override ValueTask<ActivityResult> ResumeAsync(ActivityExecutionContext context)
    {
        Payload = context.Resumed?.Payload?.DeepClone();
        return ValueTask.FromResult(ActivityResult.Done());
    }
}
