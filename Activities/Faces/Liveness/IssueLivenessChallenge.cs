using SmartKiosk.Workflows.Attributes;
using SmartKiosk.Workflows.Contracts;
using SmartKiosk.Workflows.Runtime;

namespace SmartKiosk.Activities.Faces.Liveness;

/// <summary>Draws a fresh liveness challenge (the movements, in a random order) for the kiosk to show.</summary>
[Activity("IssueLivenessChallenge", Category = "Identity", DisplayName = "Issue liveness challenge", Description = "Draws the movements (blink, turn left, turn right) in a random order for the kiosk to ask for.")]
[Outcomes(ActivityResult.DoneOutcome)]
public sealed class IssueLivenessChallenge : Activity
{
    [Input(Description = "Fixes the order, for tests and demonstrations only; leave empty in production.")]
    public int? Seed { get; set; }

    [Output(Description = "The challenge: one-time id, the steps in order with their instructions (vi/en), and when it was issued.")]
    public LivenessChallenge? Challenge { get; set; }

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Challenge = LivenessChallenge.Create(context.Time.GetUtcNow(), Seed);
        return ValueTask.FromResult(ActivityResult.Done());
    }
}
