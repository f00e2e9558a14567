using SmartKiosk.Workflows.Attributes;
using SmartKiosk.Workflows.Contracts;
using SmartKiosk.Workflows.Models;
using SmartKiosk.Workflows.Runtime;

namespace SmartKiosk.Workflows.Activities.Flow;

/// <summary>Starts several branches at once; a Join brings them back together.</summary>
[Activity("Fork", Category = "Flow", DisplayName = "Fork", Description = "Continues on every branch at once.")]
[Outcomes(Provider = typeof(ForkBranchOutcomes))]
public sealed class Fork : Activity
{
    [Input(Description = "Branch names; each becomes an outcome port.", Required = true, LiteralOnly = true, DefaultJson = "[\"Branch1\",\"Branch2\"]")]
    public List<string> Branches { get; set; } = [];

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context) =>
        ValueTask.FromResult(ActivityResult.Complete([.. Branches]));
}

/// <summary>A Fork's ports are its literal branch names (or the default two).</summary>
public sealed class ForkBranchOutcomes : IOutcomeProvider
{
    public IReadOnlyList<string> GetOutcomes(ActivityNode node) =>
        node.Inputs.ContainsKey(nameof(Fork.Branches))
            ? node.LiteralOrNull<List<string>>(nameof(Fork.Branches)) ?? []
            : ["Branch1", "Branch2"];
}
