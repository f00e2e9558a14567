namespace SmartKiosk.Workflows.Options;

/// <summary>Engine settings, bound from the <c>Workflows</c> configuration section.</summary>
public sealed class WorkflowsOptions
{
    public const string SectionName = "Workflows";

    /// <summary>Activities executed in one run before the instance is stopped with an incident (runaway loops).</summary>
    public int StepBudget { get; set; } = 1_000;

    /// <summary>How often a commit that lost an optimistic-concurrency race is recomputed and retried.</summary>
    public int MaxConcurrencyRetries { get; set; } = 8;

    public int MaxDefinitionBytes { get; set; } = Serialization.WorkflowJson.DefaultMaxBytes;
    public int MaxActivitiesPerDefinition { get; set; } = 500;

    public ScriptLimitsOptions Scripts { get; set; } = new();

    public RetryOptions Retry { get; set; } = new();
}
