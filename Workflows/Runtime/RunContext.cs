using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using SmartKiosk.Workflows.Contracts;
using SmartKiosk.Workflows.Expressions;
using SmartKiosk.Workflows.Models;
using SmartKiosk.Workflows.Persistence;
using SmartKiosk.Workflows.Persistence.Entities;

namespace SmartKiosk.Workflows.Runtime;

/// <summary>
/// One run of one instance: its state and everything the run produced (bookmarks, journal,
/// incidents, work items). Nothing reaches the database until the run commits them together.
/// </summary>
internal sealed class RunContext(
    WorkflowDbContext db,
    WorkflowInstanceRecord instance,
    WorkflowState state,
    WorkflowGraph graph,
    List<BookmarkRecord> bookmarks,
    IServiceProvider services,
    IExpressionEvaluator expressions,
    TimeProvider time,
    ILogger logger,
    CancellationToken cancellationToken)
{
    public WorkflowDbContext Db { get; } = db;
    public WorkflowInstanceRecord Instance { get; } = instance;
    public WorkflowState State { get; } = state;
    public WorkflowGraph Graph { get; } = graph;

    /// <summary>The instance's live bookmarks; the runner adds and removes, the commit reconciles.</summary>
    public List<BookmarkRecord> Bookmarks { get; } = bookmarks;

    public IServiceProvider Services { get; } = services;
    public IExpressionEvaluator Expressions { get; } = expressions;
    public TimeProvider Time { get; } = time;
    public ILogger Logger { get; } = logger;
    public CancellationToken CancellationToken { get; } = cancellationToken;

    public List<ActivityExecutionRecord> Journal { get; } = [];
    public List<IncidentRecord> Incidents { get; } = [];
    public List<WorkItemRecord> WorkItems { get; } = [];
    public WorkflowStatus Status { get; set; } = WorkflowStatus.Running;
    public string? FaultMessage { get; set; }
    public int StepsThisRun { get; set; }

    /// <summary>Signals raised inside this run for this instance's own WaitForSignal bookmarks.</summary>
    public List<string> InternalSignals { get; } = [];

    /// <summary>Set when an activity refused the resume: the run must not be committed.</summary>
    public string? Rejection { get; set; }

    public ExpressionScope Scope() =>
        new(Instance.Id, Instance.CorrelationId, State.Input, State.Variables, State.Outputs);

    public void EnqueueWork(string topic, JsonNode? payload) => WorkItems.Add(WorkItemRecord.New(Instance.Id, topic, payload, Time.GetUtcNow()));

    public void RaiseIncident(string kind, string? activityId, string message)
    {
        Status = WorkflowStatus.Faulted;
        FaultMessage = message;
        Incidents.Add(new IncidentRecord
        {
            Id = Guid.CreateVersion7(Time.GetUtcNow()),
            InstanceId = Instance.Id,
            ActivityId = activityId,
            Kind = kind,
            Message = Truncate(message, 4000),
            CreatedAt = Time.GetUtcNow().UtcDateTime,
        });
    }

    public static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
