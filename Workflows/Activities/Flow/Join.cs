using SmartKiosk.Workflows.Attributes;
using SmartKiosk.Workflows.Contracts;
using SmartKiosk.Workflows.Models;
using SmartKiosk.Workflows.Runtime;

namespace SmartKiosk.Workflows.Activities.Flow;

/// <summary>
/// Merges branches. WaitAll fires when every inbound connection delivered a token, or when the
/// missing ones can no longer arrive (their branch took another way); WaitAny fires on the first
/// token and cancels the other branches. The runner implements the waiting.
/// </summary>
[Activity(TypeName, Category = "Flow", DisplayName = "Join", Description = "Waits for all (or any) incoming branches, then continues once.")]
[Outcomes(ActivityResult.DoneOutcome)]
public sealed class Join : Activity
{
    public const string TypeName = "Join";

    [Input(Description = "WaitAll: every branch; WaitAny: the first branch, the others are cancelled.", DefaultJson = "\"WaitAll\"", LiteralOnly = true)]
    public JoinMode Mode { get; set; } = JoinMode.WaitAll;

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context) => ValueTask.FromResult(ActivityResult.Done());

    internal static JoinMode ModeOf(ActivityNode node) =>
        node.Inputs.GetValueOrDefault(nameof(Mode)) is { Type: ExpressionSyntax.Literal } input
        && Enum.TryParse<JoinMode>(input.Text, out var mode) ? mode : JoinMode.WaitAll;
}

public enum JoinMode
{
    WaitAll,
    WaitAny,
}
