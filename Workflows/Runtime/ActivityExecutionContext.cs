using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using SmartKiosk.Workflows.Descriptors;
using SmartKiosk.Workflows.Expressions;
using SmartKiosk.Workflows.Models;
using SmartKiosk.Workflows.Serialization;

namespace SmartKiosk.Workflows.Runtime;

/// <summary>What an activity sees while it runs: its node, the instance's data, services and the clock.</summary>
public sealed class ActivityExecutionContext
{
    private readonly RunContext _run;

    internal ActivityExecutionContext(RunContext run, ActivityNode node, ActivityDescriptor descriptor, ResumedBookmark? resumed)
    {
        _run = run;
        Node = node;
        Descriptor = descriptor;
        Resumed = resumed;
    }

    public Guid InstanceId => _run.Instance.Id;
    public string? CorrelationId => _run.Instance.CorrelationId;
    public string DefinitionId => _run.Instance.DefinitionId;
    public int DefinitionVersion => _run.Instance.DefinitionVersion;
    public ActivityNode Node { get; }
    public string ActivityId => Node.Id;
    public ActivityDescriptor Descriptor { get; }
    public JsonObject WorkflowInput => _run.State.Input;

    /// <summary>Set when the activity is resumed from a bookmark it created.</summary>
    public ResumedBookmark? Resumed { get; }

    public IServiceProvider Services => _run.Services;
    public TimeProvider Time => _run.Time;
    public ILogger Logger => _run.Logger;
    public CancellationToken CancellationToken => _run.CancellationToken;

    public JsonNode? GetVariable(string name) => _run.State.Variables.GetValueOrDefault(name)?.DeepClone();

    /// <summary>Sets a declared variable; undeclared names fault the activity, catching typos at the first run.</summary>
    public void SetVariable(string name, JsonNode? value)
    {
        if (!_run.Graph.Definition.Variables.Any(v => v.Name == name))
        {
            throw new InvalidOperationException($"Variable '{name}' is not declared in the workflow.");
        }

        _run.State.Variables[name] = value?.DeepClone();
    }

    public JsonNode? GetOutput(string activityId, string name) =>
        _run.State.Outputs.TryGetValue(activityId, out var outputs) ? outputs[name]?.DeepClone() : null;

    /// <summary>Evaluates an expression the activity holds itself (e.g. a Switch case's condition).</summary>
    public async ValueTask<T?> EvaluateAsync<T>(InputExpression expression, string label)
    {
        var value = await _run.Expressions.EvaluateAsync(expression, _run.Scope(), new ExpressionSite(ActivityId, label), CancellationToken);
        try
        {
            return value is null ? default : value.Deserialize<T>(WorkflowJson.Options);
        }
        catch (JsonException ex)
        {
            throw new ExpressionException($"{label} of activity '{ActivityId}' must be {typeof(T).Name}, but was {value?.ToJsonString()}.", ex);
        }
    }

    /// <summary>
    /// Raises a signal inside this instance: its own WaitForSignal bookmarks for that name (and the
    /// instance's correlation id) resume in the same run, so a workflow can route e.g. an escalation.
    /// </summary>
    public void RaiseSignal(string signal) => _run.InternalSignals.Add(signal);

    /// <summary>The run's unit of work, for engine activities that keep their own rows (user tasks) in the same commit.</summary>
    internal Persistence.WorkflowDbContext Db => _run.Db;

    /// <summary>Outgoing work (an outbox row) committed in the same transaction as the instance.</summary>
    public void Enqueue(string topic, JsonNode? payload) => _run.EnqueueWork(topic, payload);
}

/// <summary>The bookmark being resumed and the payload the stimulus brought.</summary>
public sealed record ResumedBookmark(Guid BookmarkId, string Name, string Stimulus, string? CorrelationId, JsonNode? Payload);
