using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using SmartKiosk.Workflows.Activities.Flow;
using SmartKiosk.Workflows.Models;
using SmartKiosk.Workflows.Persistence.Entities;

namespace SmartKiosk.Workflows.Runtime;

/// <summary>
/// Token semantics of a flowchart. A completed activity sends one token along every connection of
/// each outcome it returned; an activity runs once per token it receives, except a Join, which
/// collects tokens and fires once (all inbound connections, or the first for WaitAny). A run ends
/// when the queue is empty: the instance then waits on its bookmarks, or is finished.
/// </summary>
internal sealed class FlowchartRunner(int stepBudget, Options.RetryOptions retryDefaults)
{
    public async Task RunAsync(RunContext run, ResumedBookmark? resume, string? resumeActivityId)
    {
        if (resume is not null && resumeActivityId is not null)
        {
            run.StepsThisRun++;
            run.State.TotalSteps++;

            // A retry timer re-executes the activity that failed; any other bookmark resumes its activity.
            var isRetry = resume.Name == RetryPolicy.BookmarkName;
            var result = await ActivityInvoker.InvokeAsync(run, run.Graph.Node(resumeActivityId), isRetry ? null : resume);
            if (result.Kind == ActivityResultKind.Completed)
            {
                // A resumed activity that completes is done waiting: its other bookmarks (a task's due timer) go too.
                run.Bookmarks.RemoveAll(b => b.ActivityId == resumeActivityId);
            }

            if (!Apply(run, resumeActivityId, result, new ScheduledActivity(resumeActivityId, null, null)) || !await DeliverInternalSignalsAsync(run))
            {
                return;
            }
        }

        while (true)
        {
            while (run.State.Queue.Count > 0)
            {
                run.CancellationToken.ThrowIfCancellationRequested();
                var item = run.State.Queue[0];
                if (run.StepsThisRun >= stepBudget)
                {
                    run.RaiseIncident(
                        "StepBudgetExceeded",
                        item.ActivityId,
                        $"Stopped after {stepBudget} activities in one run at '{item.ActivityId}': a loop does not reach a wait or an end.");
                    return;
                }

                run.State.Queue.RemoveAt(0);
                var node = run.Graph.Node(item.ActivityId);
                if (node.Type == Join.TypeName && !JoinReady(run, node, item))
                {
                    continue;
                }

                run.StepsThisRun++;
                run.State.TotalSteps++;
                var result = await ActivityInvoker.InvokeAsync(run, node, resumed: null);
                if (!Apply(run, node.Id, result, item) || !await DeliverInternalSignalsAsync(run))
                {
                    return;
                }
            }

            // The queue is empty: a WaitAll join whose missing branches can no longer arrive
            // (they took another path) fires now instead of waiting forever.
            var released = DeadPathJoin(run);
            if (released is null)
            {
                break;
            }

            run.State.Queue.Add(new ScheduledActivity(released, null, null));
        }

        run.Status = run.Bookmarks.Count > 0 ? WorkflowStatus.Suspended : WorkflowStatus.Finished;
    }

    /// <summary>Resumes this instance's own WaitForSignal bookmarks for the signals raised during the last activity.</summary>
    private async Task<bool> DeliverInternalSignalsAsync(RunContext run)
    {
        while (run.InternalSignals.Count > 0)
        {
            var signal = run.InternalSignals[0];
            run.InternalSignals.RemoveAt(0);
            var waiting = run.Bookmarks
                .Where(b => b.Name == Activities.Signals.WaitForSignal.BookmarkName && b.Stimulus == signal && b.CorrelationId == run.Instance.CorrelationId)
                .ToList();
            foreach (var bookmark in waiting)
            {
                run.Bookmarks.Remove(bookmark);
                run.StepsThisRun++;
                run.State.TotalSteps++;
                var resumed = new ResumedBookmark(bookmark.Id, bookmark.Name, bookmark.Stimulus, bookmark.CorrelationId, null);
                var result = await ActivityInvoker.InvokeAsync(run, run.Graph.Node(bookmark.ActivityId), resumed);
                if (!Apply(run, bookmark.ActivityId, result, new ScheduledActivity(bookmark.ActivityId, null, null)))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <returns>false when the run must stop (the workflow ended or faulted).</returns>
    private bool Apply(RunContext run, string activityId, ActivityResult result, ScheduledActivity item)
    {
        if (result.Kind != ActivityResultKind.Faulted)
        {
            run.State.FailedAttempts.Remove(activityId);
        }

        switch (result.Kind)
        {
            case ActivityResultKind.Completed:
                var declared = run.Graph.Descriptor(activityId).GetOutcomes(run.Graph.Node(activityId));
                foreach (var outcome in result.Outcomes)
                {
                    if (!declared.Contains(outcome, StringComparer.Ordinal))
                    {
                        run.State.Queue.Insert(0, item);
                        run.RaiseIncident("UndeclaredOutcome", activityId, $"Activity '{activityId}' returned outcome '{outcome}', which it does not declare.");
                        return false;
                    }

                    foreach (var target in run.Graph.Targets(activityId, outcome))
                    {
                        run.State.Queue.Add(new ScheduledActivity(target, activityId, outcome));
                    }
                }

                return true;

            case ActivityResultKind.Suspended:
                foreach (var request in result.Bookmarks)
                {
                    AddBookmark(run, activityId, request);
                }

                return true;

            case ActivityResultKind.EndWorkflow:
                run.State.Queue.Clear();
                run.State.JoinArrivals.Clear();
                run.Bookmarks.Clear();
                run.Status = WorkflowStatus.Finished;
                return false;

            case ActivityResultKind.Rejected:
                run.Rejection = result.FaultMessage;
                return false;

            default:
                return ScheduleRetryOrFault(run, activityId, result, item);
        }
    }

    /// <summary>A failed activity waits on a retry timer while it has attempts left; then it raises an incident.</summary>
    private bool ScheduleRetryOrFault(RunContext run, string activityId, ActivityResult result, ScheduledActivity item)
    {
        var message = result.FaultMessage ?? $"Activity '{activityId}' faulted.";
        var policy = RetryPolicy.For(run.Graph.Node(activityId), run.Graph.Descriptor(activityId), retryDefaults);
        var failed = run.State.FailedAttempts.GetValueOrDefault(activityId) + 1;
        if (failed < policy.MaxAttempts)
        {
            run.State.FailedAttempts[activityId] = failed;
            var due = run.Time.GetUtcNow() + policy.DelayAfter(failed);
            AddBookmark(run, activityId, new BookmarkRequest(RetryPolicy.BookmarkName, activityId, null, new JsonObject { ["attempt"] = failed + 1, ["error"] = message }) { DueAt = due });
            run.Logger.LogWarning("Activity {ActivityId} of instance {InstanceId} failed (attempt {Attempt} of {MaxAttempts}); retrying at {DueAt}", activityId, run.Instance.Id, failed, policy.MaxAttempts, due);
            return true;
        }

        // Kept at the head of the queue so a retry from the faulted activity can re-run it.
        run.State.FailedAttempts.Remove(activityId);
        run.State.Queue.Insert(0, item);
        var attempts = policy.MaxAttempts > 1 ? $" (after {policy.MaxAttempts} attempts)" : "";
        run.RaiseIncident("ActivityFault", activityId, message + attempts);
        return false;
    }

    private static void AddBookmark(RunContext run, string activityId, BookmarkRequest request) => run.Bookmarks.Add(new BookmarkRecord
    {
        Id = Guid.CreateVersion7(run.Time.GetUtcNow()),
        InstanceId = run.Instance.Id,
        ActivityId = activityId,
        Name = request.Name,
        Stimulus = request.Stimulus,
        CorrelationId = request.CorrelationId,
        StimulusHash = StimulusHash.Compute(request.Name, request.Stimulus, request.CorrelationId),
        DataJson = request.Data?.ToJsonString(),
        DueAt = request.DueAt?.UtcDateTime,
        CreatedAt = run.Time.GetUtcNow().UtcDateTime,
    });

    private static bool JoinReady(RunContext run, Models.ActivityNode join, ScheduledActivity item)
    {
        if (item.SourceActivityId is null)
        {
            run.State.JoinArrivals.Remove(join.Id);
            return true;
        }

        if (!run.State.JoinArrivals.TryGetValue(join.Id, out var arrivals))
        {
            run.State.JoinArrivals[join.Id] = arrivals = [];
        }

        var key = WorkflowGraph.InboundKey(item.SourceActivityId, item.SourcePort ?? "");
        if (!arrivals.Contains(key))
        {
            arrivals.Add(key);
        }

        if (Join.ModeOf(join) == JoinMode.WaitAny)
        {
            // The first branch wins: the others' pending work and waits are cancelled.
            run.State.JoinArrivals.Remove(join.Id);
            run.State.Queue.RemoveAll(q => q.ActivityId == join.Id || run.Graph.CanReach(q.ActivityId, join.Id));
            run.Bookmarks.RemoveAll(b => run.Graph.CanReach(b.ActivityId, join.Id));
            return true;
        }

        if (run.Graph.Inbound(join.Id).IsSubsetOf(arrivals))
        {
            run.State.JoinArrivals.Remove(join.Id);
            return true;
        }

        return false;
    }

    private static string? DeadPathJoin(RunContext run)
    {
        foreach (var (joinId, arrivals) in run.State.JoinArrivals)
        {
            if (arrivals.Count > 0 && !run.Bookmarks.Any(b => b.ActivityId != joinId && run.Graph.CanReach(b.ActivityId, joinId)))
            {
                return joinId;
            }
        }

        return null;
    }
}
