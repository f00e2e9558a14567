using System.Text.Json.Nodes;
using SmartKiosk.Workflows.Descriptors;
using SmartKiosk.Workflows.Models;
using SmartKiosk.Workflows.Options;

namespace SmartKiosk.Workflows.Runtime;

/// <summary>How often a node is tried and how long it waits between tries (exponential backoff).</summary>
public sealed record RetryPolicy(int MaxAttempts, TimeSpan Backoff, TimeSpan MaxBackoff)
{
    /// <summary>The bookmark name of a scheduled retry; its timer re-executes the activity.</summary>
    public const string BookmarkName = "Retry";

    public static RetryPolicy For(ActivityNode node, ActivityDescriptor descriptor, RetryOptions defaults)
    {
        var attempts = Read(node, descriptor, ActivityDescriber.RetryMaxAttemptsInput) is JsonValue a && a.TryGetValue<int>(out var n) && n >= 1
            ? n
            : defaults.MaxAttempts;
        var backoff = Read(node, descriptor, ActivityDescriber.RetryBackoffInput) is JsonValue b && Durations.TryParse(b, out var span)
            ? span
            : defaults.Backoff;
        return new RetryPolicy(attempts, backoff, defaults.MaxBackoff);
    }

    /// <summary>The wait before retry number <paramref name="failedAttempts"/> (1 = the first retry).</summary>
    public TimeSpan DelayAfter(int failedAttempts)
    {
        var factor = Math.Pow(2, Math.Min(failedAttempts - 1, 30));
        var delay = TimeSpan.FromTicks((long)Math.Min(Backoff.Ticks * factor, MaxBackoff.Ticks));
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
    }

    private static JsonNode? Read(ActivityNode node, ActivityDescriptor descriptor, string input) =>
        node.Inputs.TryGetValue(input, out var expression) && expression.Type == ExpressionSyntax.Literal
            ? expression.Value
            : descriptor.FindInput(input)?.Default;
}
