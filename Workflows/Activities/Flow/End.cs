using SmartKiosk.Workflows.Attributes;
using SmartKiosk.Workflows.Contracts;
using SmartKiosk.Workflows.Runtime;

namespace SmartKiosk.Workflows.Activities.Flow;

/// <summary>Finishes the workflow, cancelling any branch still waiting.</summary>
[Activity(TypeName, Category = "Flow", DisplayName = "End", Description = "Finishes the workflow; other branches still waiting are cancelled.")]
[Outcomes]
public sealed class End : Activity
{
    public const string TypeName = "End";

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context) => ValueTask.FromResult(ActivityResult.EndWorkflow());
}
