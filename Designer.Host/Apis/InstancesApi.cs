using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Http.HttpResults;
using SmartKiosk.Designer.Host.Identity;
using SmartKiosk.Designer.Host.Instances;
using SmartKiosk.Workflows.Contracts;
using SmartKiosk.Workflows.Models;
using SmartKiosk.Workflows.Queries;
using SmartKiosk.Workflows.Runtime;

namespace SmartKiosk.Designer.Host.Apis;

/// <summary>Workflow instances: start, read, journal, resume, signal, cancel.</summary>
public static class InstancesApi
{
    public static RouteGroupBuilder MapInstancesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/instances").WithTags("Instances").RequireAuthorization(Policies.Oversee);
        group.MapGet("/", ListAsync)
            .WithSummary("Instances, newest first; an account bound to an agency sees only its agency's dossiers' instances.");
        group.MapPost("/", StartAsync).RequireAuthorization(Policies.Administer);
        group.MapGet("/{instanceId:guid}", GetAsync)
            .WithSummary("The instance; variables declared as personal data are masked for non-administrators, other agencies' dossiers are not found.");
        group.MapGet("/{instanceId:guid}/journal", JournalAsync);
        group.MapPost("/{instanceId:guid}/cancel", (Guid instanceId, IWorkflowRuntime runtime, CancellationToken ct) => runtime.CancelAsync(instanceId, ct))
            .RequireAuthorization(Policies.Administer);
        group.MapPost("/{instanceId:guid}/retry", (Guid instanceId, IWorkflowRuntime runtime, CancellationToken ct) => runtime.RetryAsync(instanceId, ct))
            .RequireAuthorization(Policies.Administer);

        app.MapGet("/api/incidents", (bool? includeResolved, HttpContext http, InstanceInspector inspector, CancellationToken ct) =>
                inspector.ListIncidentsAsync(includeResolved ?? false, BackOfficeActor.From(http.User), ct))
            .WithTags("Instances").RequireAuthorization(Policies.Oversee);

        app.MapPost("/api/bookmarks/{bookmarkId:guid}/resume", ResumeAsync).WithTags("Instances").RequireAuthorization(Policies.Administer);
        app.MapPost("/api/signals/{signal}", SignalAsync).WithTags("Instances").RequireAuthorization(Policies.Administer);
        return group;
    }

    private static async Task<IReadOnlyList<InstanceSummary>> ListAsync(
        WorkflowStatus? status, string? definitionId, string? correlationId, DateTime? createdFrom, DateTime? createdTo, int? skip, int? take,
        HttpContext http, IWorkflowInstanceQueries queries, InstanceInspector inspector, CancellationToken ct)
    {
        var actor = BackOfficeActor.From(http.User);
        if (actor.VisibleAgencies is null)
        {
            return await queries.ListAsync(new InstanceFilter(status, definitionId, correlationId, createdFrom?.ToUniversalTime(), createdTo?.ToUniversalTime(), skip ?? 0, take ?? 50), ct);
        }

        var lines = await inspector.ListAsync(new InstanceListFilter(status, definitionId, null, null, createdFrom?.ToUniversalTime(), createdTo?.ToUniversalTime(), Math.Clamp(take ?? 50, 1, 200)), actor, ct);
        return [.. lines.Select(l => l.Instance).Where(i => correlationId is null || i.CorrelationId == correlationId)];
    }

    private static async Task<Ok<WorkflowRunResult>> StartAsync(StartInstanceBody body, HttpRequest request, IWorkflowRuntime runtime, CancellationToken ct) =>
        TypedResults.Ok(await runtime.StartAsync(
            new StartWorkflowRequest
            {
                DefinitionId = body.DefinitionId,
                BindingKey = body.BindingKey,
                Input = body.Input,
                CorrelationId = body.CorrelationId,
                IdempotencyKey = request.IdempotencyKey(),
            },
            ct));

    private static async Task<Results<Ok<WorkflowInstanceView>, NotFound>> GetAsync(Guid instanceId, HttpContext http, InstanceInspector inspector, CancellationToken ct) =>
        await inspector.GetAsync(instanceId, BackOfficeActor.From(http.User), ct) is { } detail
            ? TypedResults.Ok(detail.Instance with { Variables = detail.Variables })
            : TypedResults.NotFound();

    private static async Task<Results<Ok<IReadOnlyList<JournalEntryView>>, NotFound>> JournalAsync(Guid instanceId, HttpContext http, InstanceInspector inspector, CancellationToken ct) =>
        await inspector.GetAsync(instanceId, BackOfficeActor.From(http.User), ct) is { } detail ? TypedResults.Ok(detail.Journal) : TypedResults.NotFound();

    /// <summary>
    /// Resumes a waiting bookmark by hand (an administrator's repair tool). A person's task is not one of them:
    /// it is completed through the task operations, which check who acts and set who signs.
    /// </summary>
    private static async Task<Ok<WorkflowRunResult>> ResumeAsync(Guid bookmarkId, HttpRequest request, IWorkflowRuntime runtime, IWorkflowDbContextFactory databases, CancellationToken ct)
    {
        await using (var db = databases.Create())
        {
            var name = await db.Bookmarks.AsNoTracking().Where(b => b.Id == bookmarkId).Select(b => b.Name).SingleOrDefaultAsync(ct);
            if (name is Workflows.Activities.UserTasks.UserTask.TaskBookmark or Workflows.Activities.UserTasks.UserTask.DueBookmark or Workflows.Activities.UserTasks.UserTask.DueSoonBookmark)
            {
                throw new WorkflowRuntimeException(RuntimeErrorReason.Forbidden, "A user task is completed through the task operations (/api/tasks, /api/reviews), not by resuming its bookmark.");
            }
        }

        var payload = request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0
            ? await request.ReadFromJsonAsync<System.Text.Json.Nodes.JsonNode>(ct)
            : null;
        return TypedResults.Ok(await runtime.ResumeAsync(new ResumeBookmarkRequest(bookmarkId, payload, request.IdempotencyKey()), ct));
    }

    private static async Task<Ok<IReadOnlyList<WorkflowRunResult>>> SignalAsync(string signal, SignalBody body, HttpRequest request, IWorkflowRuntime runtime, CancellationToken ct) =>
        TypedResults.Ok(await runtime.SignalAsync(new SignalRequest(signal, body.CorrelationId, body.Payload, request.IdempotencyKey()), ct));
}
