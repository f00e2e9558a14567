using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SmartKiosk.Workflows.Contracts;
using SmartKiosk.Workflows.Descriptors;
using SmartKiosk.Workflows.Expressions;
using SmartKiosk.Workflows.Models;
using SmartKiosk.Workflows.Persistence.Entities;
using SmartKiosk.Workflows.Serialization;

namespace SmartKiosk.Workflows.Runtime;

/// <summary>
/// Executes one activity: creates it, evaluates its inputs, runs or resumes it, reads its outputs
/// and writes the journal record (personal data redacted).
/// </summary>
internal static class ActivityInvoker
{
    private const string Redacted = "***";

    public static async Task<ActivityResult> InvokeAsync(RunContext run, ActivityNode node, ResumedBookmark? resumed)
    {
        var descriptor = run.Graph.Descriptor(node.Id);
        var startedAt = run.Time.GetUtcNow();
        var timestamp = run.Time.GetTimestamp();
        JsonObject? inputs = null;
        JsonObject? outputs = null;
        var personalInputs = descriptor.Inputs.Where(i => i.IsPersonalData).Select(i => i.Name).ToList();
        ActivityResult result;
        string? error = null;

        var staged = StagedChanges.Capture(run.Db);
        using var span = Diagnostics.WorkflowTelemetry.Source.StartActivity("activity " + node.Type);
        span?.SetTag("workflow.instance.id", run.Instance.Id);
        span?.SetTag("workflow.activity.id", node.Id);
        span?.SetTag("workflow.activity.type", node.Type);
        try
        {
            var activity = (Activity)ActivatorUtilities.CreateInstance(run.Services, descriptor.ClrType);
            inputs = await BindInputsAsync(run, node, descriptor, activity);
            if (activity is IDeclaresPersonalData declares)
            {
                personalInputs.AddRange(declares.PersonalInputs(run.Graph.Definition));
            }

            var context = new ActivityExecutionContext(run, node, descriptor, resumed);
            result = resumed is null ? await activity.ExecuteAsync(context) : await activity.ResumeAsync(context);
            outputs = ReadOutputs(descriptor, activity);
            if (outputs.Count > 0)
            {
                run.State.Outputs[node.Id] = outputs;
            }
        }
        catch (OperationCanceledException) when (run.CancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            error = ex is ExpressionException ? ex.Message : $"{ex.GetType().Name}: {ex.Message}";

            // A failed activity leaves nothing behind: a half-made task row would outlive the fault and a retry would make another.
            staged.Undo(run.Db);
            result = ActivityResult.Fault($"Activity '{node.Id}' ({node.Type}) failed: {error}");
        }

        var elapsed = run.Time.GetElapsedTime(timestamp);
        Diagnostics.WorkflowTelemetry.ActivityExecuted(node.Type, result.Kind.ToString(), elapsed);
        if (result.Kind == ActivityResultKind.Faulted)
        {
            span?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, error ?? result.FaultMessage);
        }

        run.Journal.Add(new ActivityExecutionRecord
        {
            Id = Guid.CreateVersion7(startedAt),
            InstanceId = run.Instance.Id,
            Sequence = ++run.State.JournalSequence,
            ActivityId = node.Id,
            ActivityType = node.Type,
            StartedAt = startedAt.UtcDateTime,
            CompletedAt = run.Time.GetUtcNow().UtcDateTime,
            DurationMs = elapsed.TotalMilliseconds,
            Status = (resumed is not null && result.Kind == ActivityResultKind.Completed) ? "Resumed" : result.Kind.ToString(),
            Outcomes = result.Outcomes.Count > 0 ? string.Join(',', result.Outcomes) : null,
            Error = error ?? result.FaultMessage,
            InputsJson = Redact(inputs, personalInputs)?.ToJsonString(),
            OutputsJson = Redact(outputs, descriptor.Outputs.Where(o => o.IsPersonalData).Select(o => o.Name))?.ToJsonString(),
        });

        return result;
    }

    private static async Task<JsonObject> BindInputsAsync(RunContext run, ActivityNode node, ActivityDescriptor descriptor, Activity activity)
    {
        var values = new JsonObject();
        foreach (var input in descriptor.Inputs.Where(i => i.Property is not null))
        {
            var expression = node.Inputs.GetValueOrDefault(input.Name)
                ?? (input.Default is null ? null : InputExpression.Literal(input.Default));
            if (expression is null)
            {
                continue;
            }

            var site = new ExpressionSite(node.Id, input.Name);
            var value = await run.Expressions.EvaluateAsync(expression, run.Scope(), site, run.CancellationToken);
            input.Property!.SetValue(activity, Convert(value, input.ValueType, site));
            values[input.Name] = value?.DeepClone();
        }

        return values;
    }

    internal static object? Convert(JsonNode? value, Type type, ExpressionSite site)
    {
        if (value is null)
        {
            return type.IsValueType && Nullable.GetUnderlyingType(type) is null
                ? throw new ExpressionException($"Input of {site} must have a value, but was null.")
                : null;
        }

        if (typeof(JsonNode).IsAssignableFrom(type))
        {
            return value;
        }

        // A template or script may yield a number where text is wanted; text is what the activity asked for.
        if (type == typeof(string) && value is JsonValue v && v.GetValueKind() != JsonValueKind.String)
        {
            return v.ToJsonString();
        }

        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target == typeof(TimeSpan) && value is JsonValue duration && Durations.TryParse(duration, out var span))
        {
            return span;
        }

        try
        {
            return value.Deserialize(type, WorkflowJson.Options);
        }
        catch (JsonException ex)
        {
            throw new ExpressionException($"Input of {site} must be {ActivityDescriber.TypeName(type)}, but was {RunContext.Truncate(value.ToJsonString(), 200)}.", ex);
        }
    }

    private static JsonObject ReadOutputs(ActivityDescriptor descriptor, Activity activity)
    {
        var outputs = new JsonObject();
        foreach (var output in descriptor.Outputs)
        {
            var value = output.Property.GetValue(activity);
            outputs[output.Name] = value switch
            {
                null => null,
                JsonNode node => node.DeepClone(),
                _ => JsonSerializer.SerializeToNode(value, output.Property.PropertyType, WorkflowJson.Options),
            };
        }

        return outputs;
    }

    private static JsonObject? Redact(JsonObject? values, IEnumerable<string> personal)
    {
        if (values is null)
        {
            return null;
        }

        var copy = (JsonObject)values.DeepClone();
        foreach (var name in personal)
        {
            if (copy.ContainsKey(name) && copy[name] is not null)
            {
                copy[name] = Redacted;
            }
        }

        return copy;
    }
}
