using SmartKiosk.Workflows.Attributes;
using SmartKiosk.Workflows.Contracts;
using SmartKiosk.Workflows.Models;
using SmartKiosk.Workflows.Runtime;

namespace SmartKiosk.Workflows.Activities.Flow;

/// <summary>Two-way branch on a condition.</summary>
[Activity("Decision", Category = "Flow", DisplayName = "Decision", Description = "Continues on True or False depending on a condition.")]
[Outcomes(TrueOutcome, FalseOutcome)]
public sealed class Decision : Activity
{
    public const string TrueOutcome = "True";
    public const string FalseOutcome = "False";

    [Input(Description = "A JavaScript condition, e.g. outputs.ocr.confidence >= 0.9", Required = true, DefaultSyntax = ExpressionSyntax.JavaScript, UIHint = "code")]
    public bool Condition { get; set; }

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context) =>
        ValueTask.FromResult(ActivityResult.Complete(Condition ? TrueOutcome : FalseOutcome));
}
