using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartKiosk.Workflows.Options;

namespace SmartKiosk.Workflows.Dispatch;

/// <summary>
/// This node's share of the queue: takes as many runs as it has free slots, runs them concurrently,
/// and looks again when woken (a notification, a run finished) or after the poll interval. Runs of a
/// node that died come back here once their lease expires.
/// </summary>
public sealed class RunDispatchService(
    RunQueue queue,
    WorkflowDispatcher dispatcher,
    DispatchNode node,
    RunQueueWake wake,
    IOptions<DispatchOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<RunDispatchService> logger) : BackgroundService
{
    private static readonly TimeSpan MinimumPoll = TimeSpan.FromMilliseconds(200);
    private readonly HashSet<Task> _running = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Worker)
        {
            return;
        }

        // Runs left by a dead node wait until this host has started (schema, saved settings, seed data).
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
        {
            try
            {
                await started.Task;
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        var settings = options.Value;
        logger.LogInformation("Dispatch node {Node} takes up to {Max} runs at once", node.Name, settings.MaxConcurrentRuns);
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var free = settings.MaxConcurrentRuns - Running();
            var full = false;
            if (free > 0)
            {
                try
                {
                    var claimed = await queue.ClaimAsync(node.Name, free, stoppingToken);
                    foreach (var run in claimed)
                    {
                        Start(run, stoppingToken);
                    }
                    full = claimed.Count == free;
                    failures = 0;
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    // Database restarting: back off, then claim again; nothing is lost meanwhile.
                    failures++;
                    logger.LogWarning(ex, "Could not take runs from the queue (failure {Failures})", failures);
                }
            }

            try
            {
                var poll = settings.PollInterval > MinimumPoll ? settings.PollInterval : MinimumPoll;
                var wait = failures > 0 ? TimeSpan.FromSeconds(Math.Min(30, failures)) : full ? poll / 4 : poll;
                await wake.WaitAsync(wait, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
        }

        Task[] remaining;
        lock (_running)
        {
            remaining = [.. _running];
        }
        await Task.WhenAll(remaining);
    }

    private int Running()
    {
        lock (_running)
        {
            return _running.Count;
        }
    }

    private void Start(ClaimedRun run, CancellationToken stoppingToken)
    {
        var task = Task.Run(() => dispatcher.RunClaimedAsync(run.Id, run.Request, run.Attempts, rethrow: false, stoppingToken), CancellationToken.None);
        lock (_running)
        {
            _running.Add(task);
        }
        _ = task.ContinueWith(
            finished =>
            {
                lock (_running)
                {
                    _running.Remove(finished);
                }
                wake.Set();
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }
}
