using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartKiosk.Workflows.Contracts;
using SmartKiosk.Workflows.Options;
using SmartKiosk.Workflows.Runtime;

namespace SmartKiosk.Workflows.Dispatch;

/// <inheritdoc />
public sealed class WorkflowDispatcher(
    RunQueue queue,
    RunExecutor executor,
    DispatchNode node,
    RunQueueWake wake,
    IOptions<DispatchOptions> options,
    TimeProvider time,
    ILogger<WorkflowDispatcher> logger) : IWorkflowDispatcher
{
    public async Task<DispatchedRun> DispatchAsync(RunRequest request, CancellationToken cancellationToken)
    {
        var prepared = Prepare(request);
        var id = await queue.EnqueueAsync(prepared, cancellationToken);
        wake.Set();
        return new DispatchedRun(id, prepared.Start?.InstanceId);
    }

    public async Task<IReadOnlyList<WorkflowRunResult>> RunAsync(RunRequest request, CancellationToken cancellationToken)
    {
        var prepared = Prepare(request);
        var id = await queue.EnqueueLeasedAsync(prepared, node.Name, cancellationToken);
        return await RunClaimedAsync(id, prepared, attempt: 1, rethrow: true, cancellationToken);
    }

    /// <summary>
    /// Runs a request this node holds the lease of, then completes it, or gives it back for a later
    /// attempt by any node (with backoff) when the run failed outside the workflow — a database that
    /// went away, a bug, a caller that gave up. A refusal by the runtime is final.
    /// </summary>
    internal async Task<IReadOnlyList<WorkflowRunResult>> RunClaimedAsync(Guid id, RunRequest request, int attempt, bool rethrow, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var span = Diagnostics.WorkflowTelemetry.Source.StartActivity("workflow run " + request.Kind);
        span?.SetTag("workflow.run.id", id);
        span?.SetTag("workflow.run.attempt", attempt);
        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["RunId"] = id, ["RunKind"] = request.Kind, ["InstanceId"] = request.Start?.InstanceId ?? request.RetryInstanceId });
        if (attempt > settings.MaxAttempts)
        {
            // Taken again after every lease expiry (it may crash its node): stop here.
            logger.LogError("Run {RunId} ({Kind}) was taken {Attempts} times without finishing and is given up", id, request.Kind, attempt);
            await TryCompleteAsync(id, "given-up", $"taken {attempt} times without finishing");
            if (rethrow)
            {
                throw new WorkflowRuntimeException(RuntimeErrorReason.Conflict, "The run was given up after too many attempts.");
            }
            return [];
        }

        IReadOnlyList<WorkflowRunResult> results;
        try
        {
            await using (new LeaseKeeper(queue, id, node.Name, settings.Lease, time, logger))
            {
                results = await executor.ExecuteAsync(id, request, cancellationToken);
            }
        }
        catch (WorkflowRuntimeException ex)
        {
            // Refused (unknown bookmark, instance not waiting, a key reused): running it again would be refused again.
            await TryCompleteAsync(id, "refused:" + ex.Reason, ex.Message);
            if (rethrow)
            {
                throw;
            }
            logger.LogWarning("Run {RunId} ({Kind}) refused: {Reason}", id, request.Kind, ex.Message);
            return [];
        }
        catch (Exception ex)
        {
            // The caller gave up (or the node stops): another node takes it at once. Anything else waits its backoff.
            var abandoned = ex is OperationCanceledException && cancellationToken.IsCancellationRequested;
            var retryAt = time.GetUtcNow().UtcDateTime + (abandoned ? TimeSpan.Zero : Backoff(attempt, settings));
            if (attempt >= settings.MaxAttempts && !abandoned)
            {
                logger.LogError(ex, "Run {RunId} ({Kind}) failed {Attempts} times and is given up", id, request.Kind, attempt);
                await TryCompleteAsync(id, "given-up", ex.ToString());
            }
            else
            {
                logger.LogWarning(ex, "Run {RunId} ({Kind}) failed on attempt {Attempt}; queued again for {RetryAt:O}", id, request.Kind, attempt, retryAt);
                await TryReleaseAsync(id, ex, retryAt);
            }

            if (rethrow)
            {
                throw;
            }
            return [];
        }

        // The run committed: from here on nothing is thrown at the caller. If marking it done fails, its lease
        // lapses and another node replays it (the idempotency key returns this result).
        await TryCompleteAsync(id, Outcome(results), null);
        return results;
    }

    private async Task TryCompleteAsync(Guid id, string outcome, string? error)
    {
        try
        {
            await queue.CompleteAsync(id, node.Name, outcome, error, CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not mark run {RunId} done ({Outcome}); it is replayed when its lease expires", id, outcome);
        }
    }

    private async Task TryReleaseAsync(Guid id, Exception ex, DateTime retryAt)
    {
        try
        {
            await queue.ReleaseAsync(id, node.Name, ex.Message, retryAt, CancellationToken.None);
        }
        catch (Exception releaseFailure)
        {
            // The database is gone too: the lease runs out and the run is taken again all the same.
            logger.LogWarning(releaseFailure, "Could not give run {RunId} back; it is taken again when its lease expires", id);
        }
    }

    private RunRequest Prepare(RunRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Start is { InstanceId: null } start
            ? request with { Start = start with { InstanceId = Guid.CreateVersion7(time.GetUtcNow()) } }
            : request;
    }

    private static string Outcome(IReadOnlyList<WorkflowRunResult> results) =>
        results.Count == 0 ? "no-instance" : string.Join(",", results.Select(r => r.Status).Distinct());

    private static TimeSpan Backoff(int attempt, DispatchOptions settings)
    {
        var wait = settings.Backoff * Math.Pow(2, Math.Min(attempt - 1, 16));
        return wait < settings.MaxBackoff ? wait : settings.MaxBackoff;
    }
}
