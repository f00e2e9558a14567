using SmartKiosk.Workflows.Runtime;

namespace SmartKiosk.Workflows.Contracts;

/// <summary>
/// The base of every activity. An activity is one class: attributes describe it, [Input] and
/// [Output] properties are its data ports, outcomes are its flow ports and
/// <see cref="ExecuteAsync"/> is its behaviour. A fresh instance is created for each execution,
/// with services from the constructor, so activities hold no state between executions.
/// </summary>
public abstract class Activity
{
    public abstract ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context);

    /// <summary>Called when a bookmark this activity created is resumed; the payload is in the context.</summary>
    public virtual ValueTask<ActivityResult> ResumeAsync(ActivityExecutionContext context) =>
        ValueTask.FromResult(ActivityResult.Done());
}
