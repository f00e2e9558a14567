using SmartKiosk.Workflows.Attributes;
using SmartKiosk.Workflows.Contracts;
using SmartKiosk.Workflows.Runtime;

namespace SmartKiosk.Workflows.Activities.Primitives;

/// <summary>Stops the instance with an incident carrying the given message.</summary>
[Activity("Fault", Category = "Primitives", DisplayName = "Fault", Description = "Stops the workflow with an incident.")]
[Outcomes]
public sealed class Fault : Activity
{
    [Input(Description = "What went wrong, for the administrator.", Required = true)]
    public string Message { get; set; } = "";

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context) =>
        ValueTask.FromResult(ActivityResult.Fault(Message));
}
