using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartKiosk.Workflows.Contracts;
using SmartKiosk.Workflows.Models;
using SmartKiosk.Workflows.Options;
using SmartKiosk.Workflows.Persistence;
using SmartKiosk.Workflows.Persistence.Entities;

namespace SmartKiosk.Workflows.Runtime;

/// <summary>
/// Runs instances. Every call loads what it needs, runs the instance in memory until it ends,
/// faults or waits, and commits the instance row, its bookmarks, journal, incidents, outgoing work
/// and the idempotency key in ONE SaveChanges (one transaction). The instance row's revision is an
/// optimistic-concurrency token: a commit that lost a race is thrown away and recomputed on the
/// fresh state, so concurrent resumes never lose each other's work. A crash before the commit
/// leaves the last committed state, which can simply be resumed again. Runs of one instance also take
/// its lock (<see cref="Dispatch.Locks.IInstanceLocks"/>, across nodes on PostgreSQL), so two nodes do
/// not both compute a run, and make its outside side effects, only for one to be thrown away.
/// </summary>
public sealed class WorkflowRuntime(
    IWorkflowDbContextFactory dbFactory,
    WorkflowGraphCache graphs,
    IExpressionEvaluator expressions,
    IServiceScopeFactory scopes,
    TimeProvider time,
    IOptions<WorkflowsOptions> options,
    IEnumerable<IWorkflowObserver> observers,
    IAuditLog audit,
    Dispatch.Locks.IInstanceLocks locks,
    IOptions<DispatchOptions> dispatch,
    ILogger<WorkflowRuntime> logger) : IWorkflowRuntime
{
    private const string StartScope = "start";
    private const string ResumeScope = "resume";
    private const string SignalScope = "signal";
    private const int MaxKeyLength = 200;

    private readonly WorkflowsOptions _options = options.Value;

    public async Task<WorkflowRunResult> StartAsync(StartWorkflowRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.DefinitionId) == string.IsNullOrWhiteSpace(request.BindingKey))
        {
            throw new WorkflowRuntimeException(RuntimeErrorReason.Invalid, "Give either a definition id or a binding key.");
        }

        CheckLength(request.IdempotencyKey, "Idempotency key");
        CheckLength(request.CorrelationId, "Correlation id");
        var requestHash = Hash($"{request.DefinitionId}\n{request.BindingKey}\n{request.CorrelationId}\n{request.Input?.ToJsonString()}");

        // A start with a known id is a queued run that another node may be running too (a lease taken over).
        await using var held = request.InstanceId is { } knownId ? await LockAsync(knownId, cancellationToken) : null;
        for (var attempt = 1; ; attempt++)
        {
            await using var db = dbFactory.Create();
            if (request.IdempotencyKey is { } key
                && await FindKeyAsync(db, StartScope, key, cancellationToken) is { } previous)
            {
                return await ReplayAsync(db, previous, requestHash, cancellationToken);
            }

            var version = await ResolveVersionAsync(db, request, cancellationToken);
            var graph = await graphs.GetAsync(db, version.Id, cancellationToken);
            var now = time.GetUtcNow();
            var instance = new WorkflowInstanceRecord
            {
                Id = request.InstanceId ?? Guid.CreateVersion7(now),
                DefinitionId = version.DefinitionId,
                DefinitionVersion = version.Version,
                DefinitionVersionId = version.Id,
                CorrelationId = request.CorrelationId,
                Status = WorkflowStatus.Running,
                CreatedAt = now.UtcDateTime,
                Revision = 1,
            };
            var state = new WorkflowState { Input = (JsonObject?)request.Input?.DeepClone() ?? [] };
            foreach (var variable in graph.Definition.Variables)
            {
                state.Variables[variable.Name] = variable.Default?.DeepClone();
            }

            state.Queue.Add(new ScheduledActivity(graph.StartActivityId, null, null));

            await using var scope = scopes.CreateAsyncScope();
            var run = NewRun(db, instance, state, graph, [], scope.ServiceProvider, cancellationToken);
            await RunFlowAsync(run, null, null);

            db.Instances.Add(instance);
            Stage(run, loaded: []);
            if (request.IdempotencyKey is { } newKey)
            {
                AddKey(db, StartScope, newKey, instance.Id, requestHash);
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                LogRun("started", run);
                await NotifyAsync(run, loaded: [], cancellationToken);
                return Result(run, replayed: false);
            }
            catch (DbUpdateException ex) when (request.IdempotencyKey is not null && attempt < _options.MaxConcurrencyRetries)
            {
                // A twin request with the same key committed first; the next attempt returns its result.
                logger.LogInformation(ex, "Start with idempotency key lost a race; replaying the winner");
            }
        }
    }

    public async Task<WorkflowRunResult> ResumeAsync(ResumeBookmarkRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckLength(request.IdempotencyKey, "Idempotency key");
        var requestHash = Hash($"{request.BookmarkId}\n{request.Payload?.ToJsonString()}");
        return await ResumeWithRetriesAsync(
            async db => await db.Bookmarks.FirstOrDefaultAsync(b => b.Id == request.BookmarkId, cancellationToken)
                ?? throw new WorkflowRuntimeException(RuntimeErrorReason.NotFound, $"Bookmark {request.BookmarkId} does not exist or was already resumed."),
            request.Payload,
            request.IdempotencyKey is { } key ? (ResumeScope, key, requestHash) : null,
            cancellationToken);
    }

    public async Task<IReadOnlyList<WorkflowRunResult>> SignalAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckLength(request.IdempotencyKey, "Idempotency key");
        var hash = StimulusHash.Compute(Activities.Signals.WaitForSignal.BookmarkName, request.Signal, request.CorrelationId);
        var requestHash = Hash($"{request.Signal}\n{request.CorrelationId}\n{request.Payload?.ToJsonString()}");

        List<Guid> instanceIds;
        await using (var db = dbFactory.Create())
        {
            instanceIds = await db.Bookmarks.AsNoTracking()
                .Where(b => b.StimulusHash == hash)
                .Select(b => b.InstanceId)
                .Distinct()
                .ToListAsync(cancellationToken);
        }

        // One delivery per waiting instance; the key is per instance so a replay after a partial
        // failure resumes only the instances the first delivery did not reach.
        var results = new List<WorkflowRunResult>();
        foreach (var instanceId in instanceIds)
        {
            try
            {
                results.Add(await ResumeWithRetriesAsync(
                    async db => await db.Bookmarks
                        .Where(b => b.InstanceId == instanceId && b.StimulusHash == hash)
                        .OrderBy(b => b.CreatedAt).ThenBy(b => b.Id)
                        .FirstOrDefaultAsync(cancellationToken)
                        ?? throw new WorkflowRuntimeException(RuntimeErrorReason.NotFound, "The signal was already delivered."),
                    request.Payload,
                    request.IdempotencyKey is { } key ? (SignalScope, $"{key}#{instanceId:N}", requestHash) : null,
                    cancellationToken));
            }
            catch (WorkflowRuntimeException ex) when (ex.Reason == RuntimeErrorReason.NotFound)
            {
                logger.LogDebug("Signal {Signal} no longer awaited by instance {InstanceId}", request.Signal, instanceId);
            }
        }

        return results;
    }

    public async Task<WorkflowRunResult> CancelAsync(Guid instanceId, CancellationToken cancellationToken)
    {
        await using var held = await LockAsync(instanceId, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            await using var db = dbFactory.Create();
            var instance = await db.Instances.FirstOrDefaultAsync(i => i.Id == instanceId, cancellationToken)
                ?? throw new WorkflowRuntimeException(RuntimeErrorReason.NotFound, $"Instance {instanceId} does not exist.");
            if (instance.Status is WorkflowStatus.Finished or WorkflowStatus.Cancelled)
            {
                return new WorkflowRunResult(instance.Id, instance.Status, Replayed: true, [], instance.FaultMessage);
            }

            var state = StateJson.Deserialize(instance.StateJson);
            state.Queue.Clear();
            state.JoinArrivals.Clear();
            db.Bookmarks.RemoveRange(await db.Bookmarks.Where(b => b.InstanceId == instanceId).ToListAsync(cancellationToken));
            var now = time.GetUtcNow().UtcDateTime;
            foreach (var task in await db.UserTasks.Where(t => t.InstanceId == instanceId && (t.Status == UserTaskStatus.Open || t.Status == UserTaskStatus.Claimed)).ToListAsync(cancellationToken))
            {
                task.Status = UserTaskStatus.Cancelled;
                task.Revision++;
                await audit.StageAsync(db, new Audit.AuditEvent(Audit.AuditSubjects.Task, task.Id.ToString(), "task.cancelled", "system", new JsonObject { ["revision"] = task.Revision, ["reason"] = "instance cancelled" }), cancellationToken);
            }

            instance.Status = WorkflowStatus.Cancelled;
            instance.StateJson = StateJson.Serialize(state);
            instance.UpdatedAt = now;
            instance.FinishedAt = now;
            instance.Revision++;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                logger.LogInformation("Workflow instance {InstanceId} cancelled", instanceId);
                return new WorkflowRunResult(instance.Id, instance.Status, Replayed: false, [], null);
            }
            catch (DbUpdateConcurrencyException) when (attempt < _options.MaxConcurrencyRetries)
            {
                // Someone resumed it meanwhile: cancel the newer state.
            }
        }
    }

    private async Task<WorkflowRunResult> ResumeWithRetriesAsync(
        Func<WorkflowDbContext, Task<BookmarkRecord>> findBookmark,
        JsonNode? payload,
        (string Scope, string Key, string RequestHash)? idempotency,
        CancellationToken cancellationToken)
    {
        Guid instanceId;
        await using (var probe = dbFactory.Create())
        {
            if (idempotency is { } k && await FindKeyAsync(probe, k.Scope, k.Key, cancellationToken) is { } previous)
            {
                return await ReplayAsync(probe, previous, k.RequestHash, cancellationToken);
            }
            instanceId = (await findBookmark(probe)).InstanceId;
        }

        // What was read before the lock may be stale: everything is read again under it.
        await using var held = await LockAsync(instanceId, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            await using var db = dbFactory.Create();
            if (idempotency is { } k && await FindKeyAsync(db, k.Scope, k.Key, cancellationToken) is { } previous)
            {
                return await ReplayAsync(db, previous, k.RequestHash, cancellationToken);
            }

            var bookmark = await findBookmark(db);
            var instance = await db.Instances.FirstAsync(i => i.Id == bookmark.InstanceId, cancellationToken);
            if (instance.Status != WorkflowStatus.Suspended)
            {
                throw new WorkflowRuntimeException(RuntimeErrorReason.Conflict, $"Instance {instance.Id} is {instance.Status} and cannot be resumed.");
            }

            var graph = await graphs.GetAsync(db, instance.DefinitionVersionId, cancellationToken);
            var state = StateJson.Deserialize(instance.StateJson);
            var loaded = await db.Bookmarks.Where(b => b.InstanceId == instance.Id).ToListAsync(cancellationToken);
            var live = loaded.Where(b => b.Id != bookmark.Id).ToList();

            await using var scope = scopes.CreateAsyncScope();
            var run = NewRun(db, instance, state, graph, live, scope.ServiceProvider, cancellationToken);
            var resumed = new ResumedBookmark(bookmark.Id, bookmark.Name, bookmark.Stimulus, bookmark.CorrelationId, payload?.DeepClone());
            await RunFlowAsync(run, resumed, bookmark.ActivityId);
            if (run.Rejection is { } rejection)
            {
                throw new WorkflowRuntimeException(RuntimeErrorReason.Conflict, rejection);
            }

            instance.Revision++;
            Stage(run, loaded);
            if (idempotency is { } n)
            {
                AddKey(db, n.Scope, n.Key, instance.Id, n.RequestHash);
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                LogRun("resumed", run);
                await NotifyAsync(run, loaded, cancellationToken);
                return Result(run, replayed: false);
            }
            catch (DbUpdateException ex) when (attempt < _options.MaxConcurrencyRetries)
            {
                // Another node committed this instance first (or the same key): recompute on the fresh state.
                logger.LogInformation(ex, "Resume of instance {InstanceId} lost a concurrency race (attempt {Attempt}); retrying", instance.Id, attempt);
            }
        }
    }

    public async Task<WorkflowRunResult> RetryAsync(Guid instanceId, CancellationToken cancellationToken)
    {
        await using var held = await LockAsync(instanceId, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            await using var db = dbFactory.Create();
            var instance = await db.Instances.FirstOrDefaultAsync(i => i.Id == instanceId, cancellationToken)
                ?? throw new WorkflowRuntimeException(RuntimeErrorReason.NotFound, $"Instance {instanceId} does not exist.");
            if (instance.Status != WorkflowStatus.Faulted)
            {
                throw new WorkflowRuntimeException(RuntimeErrorReason.Conflict, $"Instance {instanceId} is {instance.Status}; only a faulted instance can be retried.");
            }

            var now = time.GetUtcNow().UtcDateTime;
            foreach (var incident in await db.Incidents.Where(i => i.InstanceId == instanceId && i.ResolvedAt == null).ToListAsync(cancellationToken))
            {
                incident.ResolvedAt = now;
            }

            var graph = await graphs.GetAsync(db, instance.DefinitionVersionId, cancellationToken);
            var state = StateJson.Deserialize(instance.StateJson);
            var loaded = await db.Bookmarks.Where(b => b.InstanceId == instance.Id).ToListAsync(cancellationToken);

            await using var scope = scopes.CreateAsyncScope();
            var run = NewRun(db, instance, state, graph, [.. loaded], scope.ServiceProvider, cancellationToken);

            // The faulted activity is still at the head of the queue: running the queue re-executes it.
            await RunFlowAsync(run, null, null);
            instance.Revision++;
            Stage(run, loaded);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                LogRun("retried", run);
                await NotifyAsync(run, loaded, cancellationToken);
                return Result(run, replayed: false);
            }
            catch (DbUpdateConcurrencyException) when (attempt < _options.MaxConcurrencyRetries)
            {
                // Cancelled or retried elsewhere meanwhile: look again.
            }
        }
    }

    private ValueTask<IAsyncDisposable> LockAsync(Guid instanceId, CancellationToken cancellationToken) =>
        locks.AcquireAsync(instanceId, dispatch.Value.InstanceLockTimeout, cancellationToken);

    private async Task NotifyAsync(RunContext run, IReadOnlyList<BookmarkRecord> loaded, CancellationToken cancellationToken)
    {
        var commit = new WorkflowCommit(
            run.Instance.Id,
            run.Instance.DefinitionId,
            run.Instance.CorrelationId,
            run.Status,
            [.. run.Bookmarks.Where(b => b.DueAt is not null && !loaded.Contains(b)).Select(b => new TimerView(b.Id, b.InstanceId, b.DueAt!.Value))]);
        foreach (var observer in observers)
        {
            try
            {
                await observer.OnCommittedAsync(commit, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Observer {Observer} failed after the commit of instance {InstanceId}", observer.GetType().Name, run.Instance.Id);
            }
        }
    }

    /// <summary>Runs the flowchart with the instance in every log line written meanwhile (activities' own loggers too).</summary>
    private async Task RunFlowAsync(RunContext run, ResumedBookmark? resumed, string? resumedActivityId)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object?>
        {
            ["InstanceId"] = run.Instance.Id,
            ["DefinitionId"] = run.Instance.DefinitionId,
            ["CorrelationId"] = run.Instance.CorrelationId,
        });
        await new FlowchartRunner(_options.StepBudget, _options.Retry).RunAsync(run, resumed, resumedActivityId);
    }

    private RunContext NewRun(
        WorkflowDbContext db,
        WorkflowInstanceRecord instance,
        WorkflowState state,
        WorkflowGraph graph,
        List<BookmarkRecord> bookmarks,
        IServiceProvider services,
        CancellationToken cancellationToken) =>
        new(db, instance, state, graph, bookmarks, services, expressions, time, logger, cancellationToken);

    /// <summary>Adds everything the run produced to the unit of work; the caller commits once.</summary>
    private void Stage(RunContext run, IReadOnlyList<BookmarkRecord> loaded)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var instance = run.Instance;
        instance.Status = run.Status;
        instance.FaultMessage = run.FaultMessage;
        instance.StateJson = StateJson.Serialize(run.State);
        instance.UpdatedAt = now;
        instance.FinishedAt = run.Status == WorkflowStatus.Finished ? now : null;

        run.Db.Bookmarks.RemoveRange(loaded.Where(b => !run.Bookmarks.Contains(b)));
        run.Db.Bookmarks.AddRange(run.Bookmarks.Where(b => !loaded.Contains(b)));
        run.Db.Journal.AddRange(run.Journal);
        run.Db.Incidents.AddRange(run.Incidents);
        run.Db.WorkItems.AddRange(run.WorkItems);
    }

    private async Task<PublishedVersion> ResolveVersionAsync(WorkflowDbContext db, StartWorkflowRequest request, CancellationToken cancellationToken)
    {
        var definitionId = request.DefinitionId!;
        if (request.BindingKey is { } bindingKey)
        {
            definitionId = await db.DefinitionBindings.AsNoTracking()
                .Where(b => b.Key == bindingKey)
                .Select(b => b.DefinitionId)
                .SingleOrDefaultAsync(cancellationToken)
                ?? throw new WorkflowRuntimeException(RuntimeErrorReason.NotFound, $"No workflow is bound to '{bindingKey}'.");
        }

        // Only the columns a start needs: the definition's JSON comes from the graph cache.
        return await db.DefinitionVersions.AsNoTracking()
            .Where(v => v.DefinitionId == definitionId && v.State == DefinitionVersionState.Published)
            .Select(v => new PublishedVersion(v.Id, v.DefinitionId, v.Version))
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new WorkflowRuntimeException(RuntimeErrorReason.NotFound, $"Workflow '{definitionId}' has no published version.");
    }

    private sealed record PublishedVersion(Guid Id, string DefinitionId, int Version);

    private static Task<IdempotencyRecord?> FindKeyAsync(WorkflowDbContext db, string scope, string key, CancellationToken cancellationToken) =>
        db.IdempotencyKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Scope == scope && k.Key == key, cancellationToken);

    private void AddKey(WorkflowDbContext db, string scope, string key, Guid instanceId, string requestHash) =>
        db.IdempotencyKeys.Add(new IdempotencyRecord
        {
            Scope = scope,
            Key = key,
            InstanceId = instanceId,
            RequestHash = requestHash,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        });

    private static async Task<WorkflowRunResult> ReplayAsync(WorkflowDbContext db, IdempotencyRecord previous, string requestHash, CancellationToken cancellationToken)
    {
        if (previous.RequestHash != requestHash)
        {
            throw new WorkflowRuntimeException(RuntimeErrorReason.Conflict, $"Idempotency key '{previous.Key}' was already used for a different request.");
        }

        var instance = await db.Instances.AsNoTracking().SingleAsync(i => i.Id == previous.InstanceId, cancellationToken);
        var bookmarks = await db.Bookmarks.AsNoTracking().Where(b => b.InstanceId == instance.Id).ToListAsync(cancellationToken);
        return new WorkflowRunResult(instance.Id, instance.Status, Replayed: true, [.. bookmarks.Select(ToView)], instance.FaultMessage);
    }

    private static WorkflowRunResult Result(RunContext run, bool replayed) =>
        new(run.Instance.Id, run.Status, replayed, [.. run.Bookmarks.Select(ToView)], run.FaultMessage);

    private static BookmarkView ToView(BookmarkRecord b) => new(b.Id, b.ActivityId, b.Name, b.Stimulus, b.CorrelationId, b.CreatedAt);

    private void LogRun(string verb, RunContext run)
    {
        Diagnostics.WorkflowTelemetry.RunCommitted(verb, run.Status.ToString(), run.Incidents.Count);
        logger.LogInformation(
            "Workflow instance {InstanceId} ({DefinitionId} v{Version}, correlation {CorrelationId}) {Verb}: {Status} after {Steps} steps",
            run.Instance.Id, run.Instance.DefinitionId, run.Instance.DefinitionVersion, run.Instance.CorrelationId, verb, run.Status, run.StepsThisRun);
    }

    private static void CheckLength(string? value, string what)
    {
        if (value is { Length: > MaxKeyLength })
        {
            throw new WorkflowRuntimeException(RuntimeErrorReason.Invalid, $"{what} is longer than {MaxKeyLength} characters.");
        }
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
