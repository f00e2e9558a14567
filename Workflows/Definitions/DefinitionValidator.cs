using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using SmartKiosk.Workflows.Activities.Flow;
using SmartKiosk.Workflows.Contracts;
using SmartKiosk.Workflows.Descriptors;
using SmartKiosk.Workflows.Models;
using SmartKiosk.Workflows.Options;
using SmartKiosk.Workflows.Serialization;

namespace SmartKiosk.Workflows.Definitions;

/// <summary>
/// Two levels. <see cref="CheckSafe"/> refuses what must never be stored (bad ids, markup in names,
/// oversize graphs, broken expressions) and runs on every draft save. <see cref="Validate"/> adds the
/// graph rules a definition must meet before it is published: known types, required inputs, no
/// dangling or missing connections, everything reachable, every loop with an exit.
/// </summary>
public sealed partial class DefinitionValidator(IActivityRegistry registry, IExpressionEvaluator expressions, IOptions<WorkflowsOptions> options)
{
    private const int MaxNameLength = 200;
    private const int MaxDescriptionLength = 2000;

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")]
    private static partial Regex DefinitionIdPattern();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_-]{0,63}$")]
    private static partial Regex ActivityIdPattern();

    [GeneratedRegex("^[A-Za-z_$][A-Za-z0-9_$]{0,63}$")]
    private static partial Regex VariableNamePattern();

    public DefinitionValidationResult CheckSafe(WorkflowDefinition definition)
    {
        var errors = new List<ValidationError>();
        CheckSafe(definition, errors);
        return Result(errors);
    }

    public DefinitionValidationResult Validate(WorkflowDefinition definition)
    {
        var errors = new List<ValidationError>();
        CheckSafe(definition, errors);
        if (errors.Count == 0)
        {
            CheckGraph(definition, errors);
        }

        return Result(errors);
    }

    /// <summary>
    /// For a definition brought from elsewhere: what <see cref="CheckSafe"/> refuses, plus every graph error that shows
    /// the document was not made for this engine (unknown types, inputs or ports, connections to nowhere, several starts,
    /// loops that never end). What an unfinished draft may still lack (a required input, an unconnected outcome) is allowed.
    /// </summary>
    public DefinitionValidationResult CheckImport(WorkflowDefinition definition)
    {
        var result = Validate(definition);
        return new([.. result.Errors.Where(e => !UnfinishedDraftCodes.Contains(e.Code))]);
    }

    private static readonly HashSet<string> UnfinishedDraftCodes =
        ["required-input", "unconnected-outcome", "unreachable", "undeclared-variable", "literal-only", "input-type", "input-pattern"];

    /// <summary>Messages are shown as they are: nothing taken from the definition may carry markup or control characters.</summary>
    private static DefinitionValidationResult Result(List<ValidationError> errors) =>
        new([.. errors.Select(e => e with { Message = Neutralise(e.Message), Port = e.Port is null ? null : Neutralise(e.Port), Input = e.Input is null ? null : Neutralise(e.Input) })]);

    private static string Neutralise(string text) =>
        string.Concat(text.Select(c => c switch
        {
            '<' => '‹',
            '>' => '›',
            _ when char.IsControl(c) => '?',
            _ => c,
        }));

    private void CheckSafe(WorkflowDefinition d, List<ValidationError> errors)
    {
        if (!DefinitionIdPattern().IsMatch(d.DefinitionId ?? ""))
        {
            errors.Add(new("definition-id", "The definition id must be 1–100 letters, digits, '.', '_' or '-', starting with a letter or digit."));
        }

        CheckText(d.Name, "The definition name", MaxNameLength, required: true, errors, null);
        CheckText(d.Description, "The description", MaxDescriptionLength, required: false, errors, null);

        if (d.Root is null || d.Root.Type != Flowchart.FlowchartType)
        {
            errors.Add(new("root", "The root must be a Flowchart."));
            return;
        }

        // Valid JSON can still hold null where a list or an entry belongs; refuse it here, before anything walks the graph.
        if (d.Variables is null || d.Root.Activities is null || d.Root.Connections is null)
        {
            errors.Add(new("missing-list", "The definition needs lists of variables, activities and connections (they may be empty, not null)."));
            return;
        }

        if (d.Variables.Any(v => v is null) || d.Root.Activities.Any(a => a is null) || d.Root.Connections.Any(c => c is null || c.Source is null || c.Target is null))
        {
            errors.Add(new("null-entry", "A variable, activity or connection entry is empty (null)."));
            return;
        }

        var max = options.Value.MaxActivitiesPerDefinition;
        if (d.Root.Activities.Count > max || d.Root.Connections.Count > max * 4)
        {
            errors.Add(new("too-many", $"The definition has more than {max} activities or {max * 4} connections."));
            return;
        }

        var variables = new HashSet<string>(StringComparer.Ordinal);
        foreach (var v in d.Variables)
        {
            if (!VariableNamePattern().IsMatch(v.Name ?? ""))
            {
                errors.Add(new("variable-name", $"Variable name '{Shorten(v.Name)}' is not a valid identifier (letters, digits, '_' or '$')."));
            }
            else if (!variables.Add(v.Name!))
            {
                errors.Add(new("variable-duplicate", $"Variable '{v.Name}' is declared twice."));
            }
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in d.Root.Activities)
        {
            if (!ActivityIdPattern().IsMatch(node.Id ?? ""))
            {
                errors.Add(new("activity-id", $"Activity id '{Shorten(node.Id)}' must be 1–64 letters, digits, '_' or '-', starting with a letter or '_'."));
                continue;
            }

            if (!ids.Add(node.Id!))
            {
                errors.Add(new("activity-duplicate", $"Activity id '{node.Id}' is used twice.", node.Id));
            }

            CheckText(node.DisplayName, $"The display name of activity '{node.Id}'", MaxNameLength, required: false, errors, node.Id);
            if (!ActivityTypePattern().IsMatch(node.Type ?? ""))
            {
                errors.Add(new("activity-type", $"Activity '{node.Id}' has a type name that is not valid (letters, digits, '.', '_' or '-').", node.Id));
            }

            if (node.Inputs is null)
            {
                errors.Add(new("null-entry", $"Activity '{node.Id}' has inputs set to null; leave them out or give an object.", node.Id));
                continue;
            }

            // Outcomes taken from inputs (case labels, branches, task actions) become ports and buttons: they must be safe names too.
            if (registry.Find(node.Type ?? "") is { } descriptor)
            {
                foreach (var outcome in SafeOutcomes(descriptor, node))
                {
                    if (!IsSafePortName(outcome))
                    {
                        errors.Add(new("unsafe-port", $"Activity '{node.Id}' has an outcome name with markup or control characters, or longer than {MaxPortLength} characters.", node.Id));
                        break;
                    }
                }
            }

            foreach (var (name, expression) in node.Inputs)
            {
                if (expression is null || expression.Type is null || !ExpressionSyntax.All.Contains(expression.Type))
                {
                    errors.Add(new("expression-type", $"Activity '{node.Id}': input '{Shorten(name)}' has an unknown expression type (use Literal, JavaScript or Liquid).", node.Id, Input: name));
                    continue;
                }

                if (expression.Type != ExpressionSyntax.Literal && expressions.CheckSyntax(expression) is { } syntaxError)
                {
                    errors.Add(new("expression-syntax", $"Activity '{node.Id}': the {expression.Type} of input '{Shorten(name)}' has an error: {syntaxError}", node.Id, Input: name));
                }
            }

            CheckSwitchConditions(node, errors);
        }

        CheckPorts(d, errors);
    }

    /// <summary>A Switch's case conditions are JavaScript inside a literal: check them like any other script.</summary>
    private void CheckSwitchConditions(ActivityNode node, List<ValidationError> errors)
    {
        // A malformed literal is reported by the literal's type check.
        if (node.Type != "Switch" || node.LiteralOrNull<List<SwitchCase>>(nameof(Switch.Cases)) is not { } cases)
        {
            return;
        }

        foreach (var @case in cases)
        {
            if (@case is null || expressions.CheckSyntax(InputExpression.JavaScript(@case.Condition ?? "")) is not { } error)
            {
                continue;
            }

            errors.Add(new("expression-syntax", $"Activity '{node.Id}': the condition of case '{Shorten(@case.Label)}' has an error: {error}", node.Id, Input: nameof(Switch.Cases)));
        }
    }

    private static void CheckPorts(WorkflowDefinition d, List<ValidationError> errors)
    {
        foreach (var c in d.Root.Connections)
        {
            if (!IsSafePortName(c.Source.Port ?? "") || (c.Target.Port is { Length: > 0 } target && !IsSafePortName(target)))
            {
                errors.Add(new("unsafe-port", $"A connection from activity '{Shorten(c.Source.Activity)}' names a port with markup or control characters, or none at all."));
            }
        }
    }

    private static IReadOnlyList<string> SafeOutcomes(ActivityDescriptor descriptor, ActivityNode node)
    {
        try
        {
            return descriptor.GetOutcomes(node);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or NullReferenceException)
        {
            return [];
        }
    }

    private const int MaxPortLength = 64;

    private static bool IsSafePortName(string name) =>
        name.Length is > 0 and <= MaxPortLength && !name.Any(c => c is '<' or '>' || char.IsControl(c));

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9._-]{0,99}$")]
    private static partial Regex ActivityTypePattern();

    private void CheckGraph(WorkflowDefinition d, List<ValidationError> errors)
    {
        var nodes = d.Root.Activities.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var descriptors = new Dictionary<string, ActivityDescriptor>(StringComparer.Ordinal);
        foreach (var node in d.Root.Activities)
        {
            if (registry.Find(node.Type) is not { } descriptor)
            {
                errors.Add(new("unknown-type", $"Activity '{node.Id}' has unknown type '{Shorten(node.Type)}'.", node.Id));
                continue;
            }

            descriptors[node.Id] = descriptor;
            CheckInputs(d, node, descriptor, errors);
        }

        var starts = d.Root.Activities.Where(a => a.Type == Start.TypeName).ToList();
        if (starts.Count != 1)
        {
            errors.Add(starts.Count == 0
                ? new("start", "The flowchart has no Start activity.")
                : new("start", $"The flowchart has {starts.Count} Start activities ({string.Join(", ", starts.Select(a => $"'{a.Id}'"))}); it needs exactly one.", starts[1].Id));
        }

        var successors = d.Root.Activities.ToDictionary(a => a.Id, _ => new List<string>(), StringComparer.Ordinal);
        var connectedPorts = new HashSet<(string, string)>();
        foreach (var c in d.Root.Connections)
        {
            var source = c.Source?.Activity ?? "";
            var port = c.Source?.Port ?? "";
            var target = c.Target?.Activity ?? "";
            if (!nodes.ContainsKey(source) || !nodes.ContainsKey(target))
            {
                var missing = nodes.ContainsKey(source) ? target : source;
                errors.Add(new("dangling-connection", $"Connection {Shorten(source)}:{Shorten(port)} → {Shorten(target)} refers to activity '{Shorten(missing)}', which does not exist.", nodes.ContainsKey(source) ? source : null, port));
                continue;
            }

            if (descriptors.TryGetValue(source, out var sd) && !sd.GetOutcomes(nodes[source]).Contains(port, StringComparer.Ordinal))
            {
                errors.Add(new("unknown-port", $"Connection from activity '{source}' uses port '{Shorten(port)}', which is not one of its outcomes ({string.Join(", ", sd.GetOutcomes(nodes[source]).Select(Shorten))}).", source, port));
                continue;
            }

            if (nodes[target].Type == Start.TypeName)
            {
                errors.Add(new("into-start", $"Connection {Shorten(source)}:{Shorten(port)} → {Shorten(target)} leads into the Start activity.", target));
                continue;
            }

            connectedPorts.Add((source, port));
            successors[source].Add(target);
        }

        foreach (var (id, descriptor) in descriptors)
        {
            foreach (var outcome in descriptor.GetOutcomes(nodes[id]))
            {
                if (!connectedPorts.Contains((id, outcome)))
                {
                    errors.Add(new("unconnected-outcome", $"Activity '{id}' ({descriptor.DisplayName}): outcome '{Shorten(outcome)}' can fire but is not connected.", id, outcome));
                }
            }
        }

        if (starts.Count == 1)
        {
            var reached = Reachable(starts[0].Id, successors);
            foreach (var node in d.Root.Activities.Where(a => !reached.Contains(a.Id)))
            {
                errors.Add(new("unreachable", $"Activity '{node.Id}' cannot be reached from Start.", node.Id));
            }
        }

        foreach (var loop in StronglyConnected(successors).Where(c => IsLoop(c, successors)))
        {
            var members = loop.ToHashSet(StringComparer.Ordinal);
            if (!loop.Any(n => successors[n].Any(s => !members.Contains(s))))
            {
                var names = string.Join(", ", loop.Order(StringComparer.Ordinal).Select(n => $"'{n}'"));
                errors.Add(new("loop-without-exit", $"The loop through activities {names} has no exit: no connection leaves it.", loop.Order(StringComparer.Ordinal).First()));
            }
        }
    }

    private static void CheckInputs(WorkflowDefinition d, ActivityNode node, ActivityDescriptor descriptor, List<ValidationError> errors)
    {
        foreach (var name in node.Inputs.Keys.Where(n => descriptor.FindInput(n) is null))
        {
            errors.Add(new("unknown-input", $"Activity '{node.Id}' ({descriptor.DisplayName}) has no input '{Shorten(name)}'.", node.Id, Input: name));
        }

        foreach (var input in descriptor.Inputs)
        {
            var expression = node.Inputs.GetValueOrDefault(input.Name);
            var isEmpty = expression is null
                || expression.Value is null
                || (expression.Value is System.Text.Json.Nodes.JsonValue v && v.GetValueKind() == JsonValueKind.String && string.IsNullOrWhiteSpace(v.GetValue<string>()));
            if (input.Required && isEmpty && input.Default is null)
            {
                errors.Add(new("required-input", $"Activity '{node.Id}' ({descriptor.DisplayName}): required input '{input.Name}' is missing.", node.Id, Input: input.Name));
                continue;
            }

            if (expression is null)
            {
                continue;
            }

            if (input.LiteralOnly && expression.Type != ExpressionSyntax.Literal)
            {
                errors.Add(new("literal-only", $"Activity '{node.Id}': input '{input.Name}' must be a literal value.", node.Id, Input: input.Name));
                continue;
            }

            if (expression.Type == ExpressionSyntax.Literal && expression.Value is not null)
            {
                CheckLiteral(node, input, expression, errors);
            }
        }

        if (node.Type == "SetVariable"
            && node.Inputs.GetValueOrDefault("Variable") is { Type: ExpressionSyntax.Literal } variable
            && !d.Variables.Any(v => v.Name == variable.Text))
        {
            errors.Add(new("undeclared-variable", $"Activity '{node.Id}' sets variable '{Shorten(variable.Text)}', which is not declared.", node.Id, Input: "Variable"));
        }
    }

    private static void CheckLiteral(ActivityNode node, InputDescriptor input, InputExpression expression, List<ValidationError> errors)
    {
        try
        {
            var value = input.ValueType == typeof(TimeSpan) && expression.Value is System.Text.Json.Nodes.JsonValue duration
                ? (Runtime.Durations.TryParse(duration, out var span) ? span : throw new JsonException("not a duration"))
                : expression.Value!.Deserialize(input.ValueType, WorkflowJson.Options);
            if (input.Pattern is { } pattern && value is string text && !Regex.IsMatch(text, pattern, RegexOptions.None, TimeSpan.FromMilliseconds(100)))
            {
                errors.Add(new("input-pattern", $"Activity '{node.Id}': input '{input.Name}' does not match {pattern}.", node.Id, Input: input.Name));
            }
        }
        catch (JsonException)
        {
            errors.Add(new("input-type", $"Activity '{node.Id}': input '{input.Name}' must be {input.Type}.", node.Id, Input: input.Name));
        }
    }

    private static void CheckText(string? text, string what, int max, bool required, List<ValidationError> errors, string? activityId)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                errors.Add(new("text-required", $"{what} is required.", activityId));
            }

            return;
        }

        if (text.Length > max)
        {
            errors.Add(new("text-too-long", $"{what} is longer than {max} characters.", activityId));
        }

        // Names are shown in the designer, task lists and logs: markup and control characters are refused outright.
        if (text.Any(c => c is '<' or '>' || (char.IsControl(c) && c is not '\n' and not '\r' and not '\t')))
        {
            errors.Add(new("unsafe-text", $"{what} contains markup or control characters ('<', '>'), which are not allowed.", activityId));
        }
    }

    private static bool IsLoop(List<string> component, Dictionary<string, List<string>> successors) =>
        component.Count > 1 || successors[component[0]].Contains(component[0]);

    private static HashSet<string> Reachable(string start, Dictionary<string, List<string>> successors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { start };
        var stack = new Stack<string>([start]);
        while (stack.TryPop(out var n))
        {
            foreach (var s in successors[n])
            {
                if (seen.Add(s))
                {
                    stack.Push(s);
                }
            }
        }

        return seen;
    }

    /// <summary>Tarjan's algorithm, iterative so a long chain cannot overflow the stack.</summary>
    private static List<List<string>> StronglyConnected(Dictionary<string, List<string>> successors)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var result = new List<List<string>>();
        var counter = 0;

        foreach (var root in successors.Keys)
        {
            if (index.ContainsKey(root))
            {
                continue;
            }

            var work = new Stack<(string Node, int Next)>();
            work.Push((root, 0));
            index[root] = low[root] = counter++;
            stack.Push(root);
            onStack.Add(root);

            while (work.Count > 0)
            {
                var (node, next) = work.Pop();
                var edges = successors[node];
                if (next < edges.Count)
                {
                    work.Push((node, next + 1));
                    var s = edges[next];
                    if (!index.TryGetValue(s, out var successorIndex))
                    {
                        index[s] = low[s] = counter++;
                        stack.Push(s);
                        onStack.Add(s);
                        work.Push((s, 0));
                    }
                    else if (onStack.Contains(s))
                    {
                        low[node] = Math.Min(low[node], successorIndex);
                    }

                    continue;
                }

                if (work.Count > 0)
                {
                    var parent = work.Peek().Node;
                    low[parent] = Math.Min(low[parent], low[node]);
                }

                if (low[node] == index[node])
                {
                    var component = new List<string>();
                    string member;
                    do
                    {
                        member = stack.Pop();
                        onStack.Remove(member);
                        component.Add(member);
                    }
                    while (member != node);
                    result.Add(component);
                }
            }
        }

        return result;
    }

    private static string Shorten(string? text) =>
        text is null ? "" : new string([.. text.Take(64).Select(c => c is '<' or '>' || char.IsControl(c) ? '?' : c)]);
}
