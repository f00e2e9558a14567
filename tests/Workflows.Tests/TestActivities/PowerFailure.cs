using System.Collections.Concurrent;
using SmartKiosk.Workflows.Attributes;
using SmartKiosk.Workflows.Contracts;
using SmartKiosk.Workflows.Runtime;

namespace SmartKiosk.Workflows.Tests.TestActivities;

/// <summary>
/// Test-only: when armed for an instance correlation, aborts the run mid-flight the way a host
/// shutdown does (the run's token is cancelled and the call unwinds without committing).
/// </summary>
[Activity("Test.PowerFailure", Category = "Test")]
[Outcomes(ActivityResult.DoneOutcome)]
public sealed class PowerFailure : Activity
{
    private static readonly ConcurrentDictionary<string, CancellationTokenSource> Armed = new();

    public static void Arm(string correlationId, CancellationTokenSource process) => Armed[correlationId] = process;

    public static void Disarm(string correlationId) => Armed.TryRemove(correlationId, out _);

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        if (context.CorrelationId is { } id && Armed.TryGetValue(id, out var process))
        {
            process.Cancel();
            context.CancellationToken.ThrowIfCancellationRequested();
        }

        return ValueTask.FromResult(ActivityResult.Done());
    }
}
