using SmartKiosk.Workflows.Attributes;
using SmartKiosk.Workflows.Contracts;
using SmartKiosk.Workflows.Models;
using SmartKiosk.Workflows.Runtime;

namespace SmartKiosk.Workflows.Activities.Flow;

/// <summary>Several branches, each with a JavaScript condition; Default when none matches.</summary>
[Activity("Switch", Category = "Flow", DisplayName = "Switch", Description = "Continues on the first case (or every case) whose condition holds, else on Default.")]
[Outcomes(DefaultOutcome, Provider = typeof(SwitchCaseOutcomes))]
public sealed class Switch : Activity
{
    public const string DefaultOutcome = "Default";

    [Input(Description = "Cases in order: [{\"label\": \"CCCD\", \"condition\": \"input.documentType === 'CCCD'\"}]", Required = true, LiteralOnly = true, UIHint = "switch-cases")]
    public List<SwitchCase> Cases { get; set; } = [];

    [Input(Description = "MatchFirst continues on the first matching case; MatchAny on every matching case.", DefaultJson = "\"MatchFirst\"", LiteralOnly = true)]
    public SwitchMode Mode { get; set; } = SwitchMode.MatchFirst;

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        var matched = new List<string>();
        foreach (var @case in Cases)
        {
            if (await context.EvaluateAsync<bool>(InputExpression.JavaScript(@case.Condition), $"Cases['{@case.Label}']"))
            {
                matched.Add(@case.Label);
                if (Mode == SwitchMode.MatchFirst)
                {
                    break;
                }
            }
        }

        return ActivityResult.Complete(matched.Count > 0 ? [.. matched] : [DefaultOutcome]);
    }
}

public sealed record SwitchCase(string Label, string Condition);

public enum SwitchMode
{
    MatchFirst,
    MatchAny,
}

/// <summary>A Switch has one port per case label, read from its literal Cases input.</summary>
public sealed class SwitchCaseOutcomes : IOutcomeProvider
{
    public IReadOnlyList<string> GetOutcomes(ActivityNode node) =>
        node.LiteralOrNull<List<SwitchCase>>(nameof(Switch.Cases))?.Select(c => c.Label).ToList() ?? [];
}
