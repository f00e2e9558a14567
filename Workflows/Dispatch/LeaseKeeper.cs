using Microsoft.Extensions.Logging;

namespace SmartKiosk.Workflows.Dispatch;

/// <summary>Renews a run's lease at a third of its length while the run goes on, so only a dead node's lease expires.</summary>
internal sealed class LeaseKeeper : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public LeaseKeeper(RunQueue queue, Guid runId, string owner, TimeSpan lease, TimeProvider time, ILogger logger)
    {
        _loop = RenewAsync(queue, runId, owner, lease / 3, time, logger, _stop.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private static async Task RenewAsync(RunQueue queue, Guid runId, string owner, TimeSpan every, TimeProvider time, ILogger logger, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(every, time, stop);
                if (!await queue.RenewAsync(runId, owner, stop))
                {
                    // Taken over after a stall longer than the lease: the instance's revision decides which commit counts.
                    logger.LogWarning("Run {RunId} is no longer leased by {Node}", runId, owner);
                    return;
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database is unreachable: keep trying; if the lease lapses meanwhile, another node may take the run.
                logger.LogWarning(ex, "Could not renew the lease of run {RunId}", runId);
            }
        }
    }
}
