using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SmartKiosk.Workflows.Contracts;
using SmartKiosk.Workflows.Runtime;

namespace SmartKiosk.Workflows.Scheduling;

/// <summary>
/// Fires timers: resumes bookmarks whose due time (by <see cref="TimeProvider"/>) has come. The
/// resume's idempotency key is the timer's id, so two nodes firing the same timer resume it once.
/// Whatever triggers it — a Quartz job at the due time, the periodic sweep, a test moving fake time —
/// the decision "is it due?" is made here, against the database.
/// </summary>
public sealed class TimerDispatcher(IWorkflowDbContextFactory dbFactory, IWorkflowRuntime runtime, TimeProvider time, ILogger<TimerDispatcher> logger)
{
    private const int BatchSize = 100;

    /// <summary>Fires every timer that is due now; returns how many were fired.</summary>
    public async Task<int> FireDueAsync(CancellationToken cancellationToken)
    {
        var fired = 0;
        while (true)
        {
            var now = time.GetUtcNow().UtcDateTime;
            List<Guid> due;
            await using (var db = dbFactory.Create())
            {
                due = await db.Bookmarks.AsNoTracking()
                    .Where(b => b.DueAt != null && b.DueAt <= now)
                    .OrderBy(b => b.DueAt)
                    .Select(b => b.Id)
                    .Take(BatchSize)
                    .ToListAsync(cancellationToken);
            }

            foreach (var id in due)
            {
                fired += await FireAsync(id, cancellationToken) ? 1 : 0;
            }

            if (due.Count < BatchSize)
            {
                return fired;
            }
        }
    }

    /// <summary>Fires one timer if it still exists and is due.</summary>
    public async Task<bool> FireAsync(Guid bookmarkId, CancellationToken cancellationToken)
    {
        await using (var db = dbFactory.Create())
        {
            var dueAt = await db.Bookmarks.AsNoTracking().Where(b => b.Id == bookmarkId).Select(b => b.DueAt).SingleOrDefaultAsync(cancellationToken);
            if (dueAt is null || dueAt > time.GetUtcNow().UtcDateTime)
            {
                return false;
            }
        }

        try
        {
            var result = await runtime.ResumeAsync(new ResumeBookmarkRequest(bookmarkId, null, $"timer:{bookmarkId:N}"), cancellationToken);
            return !result.Replayed;
        }
        catch (WorkflowRuntimeException ex) when (ex.Reason is RuntimeErrorReason.NotFound or RuntimeErrorReason.Conflict)
        {
            // Fired by another node, or the instance was cancelled meanwhile.
            logger.LogDebug("Timer {BookmarkId} no longer applies: {Reason}", bookmarkId, ex.Message);
            return false;
        }
        catch (TimeoutException ex)
        {
            // The instance is busy in a long run elsewhere: the timer stays due and the next sweep fires it.
            logger.LogWarning(ex, "Timer {BookmarkId} waits: its instance is being run elsewhere", bookmarkId);
            return false;
        }
    }

    /// <summary>All timers not yet fired, for rebuilding the schedule at start-up.</summary>
    public async Task<IReadOnlyList<TimerView>> PendingAsync(CancellationToken cancellationToken)
    {
        await using var db = dbFactory.Create();
        return await db.Bookmarks.AsNoTracking()
            .Where(b => b.DueAt != null)
            .OrderBy(b => b.DueAt)
            .Select(b => new TimerView(b.Id, b.InstanceId, b.DueAt!.Value))
            .ToListAsync(cancellationToken);
    }
}
