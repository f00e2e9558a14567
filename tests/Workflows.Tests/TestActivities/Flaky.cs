using System.Collections.Concurrent;
using SmartKiosk.Workflows.Attributes;
using SmartKiosk.Workflows.Contracts;
using SmartKiosk.Workflows.Runtime;

namespace SmartKiosk.Workflows.Tests.TestActivities;

/// <summary>Test-only: fails a set number of times per correlation id, then succeeds (a flaky remote service).</summary>
[Activity("Test.Flaky", Category = "Test")]
[Retry(MaxAttempts = 3, BackoffSeconds = 10)]
[Outcomes(ActivityResult.DoneOutcome)]
public sealed class Flaky : Activity
{
    private static readonly ConcurrentDictionary<string, int> RemainingFailures = new();

    public static void FailTimes(string correlationId, int times) => RemainingFailures[correlationId] = times;

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        var key = context.CorrelationId ?? "";
        if (RemainingFailures.TryGetValue(key, out var left) && left > 0)
        {
            RemainingFailures[key] = left - 1;
            throw new InvalidOperationException("The register service did not answer.");
        }

        return ValueTask.FromResult(ActivityResult.Done());
    }
}
