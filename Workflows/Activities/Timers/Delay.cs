using SmartKiosk.Workflows.Attributes;
using SmartKiosk.Workflows.Contracts;
using SmartKiosk.Workflows.Models;
using SmartKiosk.Workflows.Runtime;

namespace SmartKiosk.Workflows.Activities.Timers;

/// <summary>Waits for a duration or until a point in time, then continues. The wait is a durable timer row.</summary>
[Activity("Delay", Category = "Timers", DisplayName = "Delay", Description = "Waits for a duration (hh:mm:ss or ISO 8601) or until a date and time, then continues.")]
[Outcomes(ActivityResult.DoneOutcome)]
public sealed class Delay : Activity
{
    public const string BookmarkName = "Timer";

    [Input(Description = "How long to wait, e.g. 00:30:00 or PT30M. Ignored when Until is set.", UIHint = "singleline")]
    public TimeSpan? Duration { get; set; }

    [Input(Description = "Wait until this moment (ISO 8601 with offset), e.g. from a JavaScript expression.", UIHint = "singleline", DefaultSyntax = ExpressionSyntax.JavaScript)]
    public DateTimeOffset? Until { get; set; }

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        if (Until is null && Duration is null)
        {
            return ValueTask.FromResult(ActivityResult.Fault($"Delay '{context.ActivityId}' needs a Duration or an Until."));
        }

        var due = Until ?? context.Time.GetUtcNow() + Duration!.Value;
        return ValueTask.FromResult(ActivityResult.Suspend(new BookmarkRequest(BookmarkName, context.ActivityId, null) { DueAt = due }));
    }
}
