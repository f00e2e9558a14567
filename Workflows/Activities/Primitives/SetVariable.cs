using System.Text.Json.Nodes;
using SmartKiosk.Workflows.Attributes;
using SmartKiosk.Workflows.Contracts;
using SmartKiosk.Workflows.Models;
using SmartKiosk.Workflows.Runtime;

namespace SmartKiosk.Workflows.Activities.Primitives;

/// <summary>Stores a value in a declared workflow variable.</summary>
[Activity("SetVariable", Category = "Primitives", DisplayName = "Set variable", Description = "Stores a value in a workflow variable.")]
[Outcomes(ActivityResult.DoneOutcome)]
public sealed class SetVariable : Activity, IDeclaresPersonalData
{
    [Input(Description = "Name of a declared variable.", Required = true, LiteralOnly = true)]
    public string Variable { get; set; } = "";

    [Input(Description = "The value to store.", DefaultSyntax = ExpressionSyntax.JavaScript, UIHint = "code")]
    public JsonNode? Value { get; set; }

    /// <summary>The value is as personal as the variable it goes into.</summary>
    public IEnumerable<string> PersonalInputs(WorkflowDefinition definition) =>
        definition.Variables.Any(v => v.Name == Variable && v.IsPersonalData) ? [nameof(Value)] : [];

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        context.SetVariable(Variable, Value);
        return ValueTask.FromResult(ActivityResult.Done());
    }
}
