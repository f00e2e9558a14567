using SmartKiosk.Workflows.Attributes;
using SmartKiosk.Workflows.Contracts;
using SmartKiosk.Workflows.Runtime;

namespace SmartKiosk.Workflows.Activities.Flow;

/// <summary>Where every run of a flowchart begins; exactly one per definition.</summary>
[Activity(TypeName, Category = "Flow", DisplayName = "Start", Description = "Where the workflow begins.")]
[Outcomes(ActivityResult.DoneOutcome)]
public sealed class Start : Activity
{
    public const string TypeName = "Start";

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context) => ValueTask.FromResult(ActivityResult.Done());
}
