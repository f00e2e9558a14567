using Microsoft.Extensions.Logging;
using SmartKiosk.Workflows.Attributes;
using SmartKiosk.Workflows.Contracts;
using SmartKiosk.Workflows.Models;
using SmartKiosk.Workflows.Runtime;

namespace SmartKiosk.Workflows.Activities.Primitives;

/// <summary>Writes a structured log entry tagged with the instance and activity.</summary>
[Activity("Log", Category = "Primitives", DisplayName = "Log", Description = "Writes a message to the structured log.")]
[Outcomes(ActivityResult.DoneOutcome)]
public sealed class Log(ILogger<Log> logger) : Activity
{
    [Input(Description = "The message; Liquid can insert values, e.g. {{ input.documentType }}.", Required = true, DefaultSyntax = ExpressionSyntax.Liquid, UIHint = "multiline")]
    public string Message { get; set; } = "";

    [Input(DefaultJson = "\"Information\"", LiteralOnly = true)]
    public LogLevel Level { get; set; } = LogLevel.Information;

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        logger.Log(Level, "Workflow {InstanceId} activity {ActivityId}: {Message}", context.InstanceId, context.ActivityId, Message);
        return ValueTask.FromResult(ActivityResult.Done());
    }
}
