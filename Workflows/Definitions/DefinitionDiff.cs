using System.Text.Json;
using System.Text.Json.Nodes;
using SmartKiosk.Workflows.Models;

namespace SmartKiosk.Workflows.Definitions;

/// <summary>
/// What changed between two definitions, in the terms an administrator edits: activities, their inputs, the
/// connections between outcome ports and the variables. Layout (node positions and other designer metadata) is not a
/// change of behaviour and is left out.
/// </summary>
public static class DefinitionDiff
{
    /// <summary>Longer values are cut: the list is for reading, the export is for the whole text.</summary>
    private const int MaxValueLength = 300;

    public static IReadOnlyList<DefinitionChange> Compare(WorkflowDefinition? before, WorkflowDefinition after)
    {
        ArgumentNullException.ThrowIfNull(after);
        var changes = new List<DefinitionChange>();
        if (before is not null && before.Name != after.Name)
        {
            changes.Add(new(DefinitionChangeKind.NameChanged, Before: before.Name, After: after.Name));
        }

        if (before is not null && (before.Description ?? "") != (after.Description ?? ""))
        {
            changes.Add(new(DefinitionChangeKind.DescriptionChanged, Before: Cut(before.Description), After: Cut(after.Description)));
        }

        CompareActivities(before?.Root.Activities ?? [], after.Root.Activities, changes);
        CompareConnections(before?.Root.Connections ?? [], after.Root.Connections, changes);
        CompareVariables(before?.Variables ?? [], after.Variables, changes);
        return changes;
    }

    /// <summary>An input as one line: "42", "JavaScript: input.age &gt; 18", "Liquid: {{ name }}".</summary>
    public static string Describe(InputExpression? expression) => expression switch
    {
        null => "",
        { Type: ExpressionSyntax.Literal } => Cut(expression.Value?.ToJsonString(CompactJson) ?? "null"),
        _ => Cut($"{expression.Type}: {expression.Text}"),
    };

    private static readonly JsonSerializerOptions CompactJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static void CompareActivities(IReadOnlyList<ActivityNode> before, IReadOnlyList<ActivityNode> after, List<DefinitionChange> changes)
    {
        var old = before.GroupBy(a => a.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var current = after.GroupBy(a => a.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var node in after.Where(a => !old.ContainsKey(a.Id)))
        {
            changes.Add(new(DefinitionChangeKind.ActivityAdded, node.Id, node.Type, After: node.DisplayName));
        }

        foreach (var node in before.Where(a => !current.ContainsKey(a.Id)))
        {
            changes.Add(new(DefinitionChangeKind.ActivityRemoved, node.Id, node.Type, Before: node.DisplayName));
        }

        foreach (var node in after.Where(a => old.ContainsKey(a.Id)))
        {
            var was = old[node.Id];
            if (was.Type != node.Type)
            {
                changes.Add(new(DefinitionChangeKind.ActivityTypeChanged, node.Id, Before: was.Type, After: node.Type));
            }

            if ((was.DisplayName ?? "") != (node.DisplayName ?? ""))
            {
                changes.Add(new(DefinitionChangeKind.ActivityRenamed, node.Id, Before: was.DisplayName, After: node.DisplayName));
            }

            foreach (var input in was.Inputs.Keys.Union(node.Inputs.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                was.Inputs.TryGetValue(input, out var a);
                node.Inputs.TryGetValue(input, out var b);
                if (!SameExpression(a, b))
                {
                    changes.Add(new(DefinitionChangeKind.InputChanged, node.Id, input, a is null ? null : Describe(a), b is null ? null : Describe(b)));
                }
            }
        }
    }

    private static void CompareConnections(IReadOnlyList<Connection> before, IReadOnlyList<Connection> after, List<DefinitionChange> changes)
    {
        static (string Source, string Port, string Target) Key(Connection c) => (c.Source?.Activity ?? "", c.Source?.Port ?? "", c.Target?.Activity ?? "");
        var old = before.Select(Key).ToHashSet();
        var current = after.Select(Key).ToHashSet();
        foreach (var (source, port, target) in current.Where(k => !old.Contains(k)))
        {
            changes.Add(new(DefinitionChangeKind.ConnectionAdded, source, port, After: target));
        }

        foreach (var (source, port, target) in old.Where(k => !current.Contains(k)))
        {
            changes.Add(new(DefinitionChangeKind.ConnectionRemoved, source, port, Before: target));
        }
    }

    private static void CompareVariables(IReadOnlyList<VariableDefinition> before, IReadOnlyList<VariableDefinition> after, List<DefinitionChange> changes)
    {
        var old = before.GroupBy(v => v.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var current = after.GroupBy(v => v.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var variable in after.Where(v => !old.ContainsKey(v.Name)))
        {
            changes.Add(new(DefinitionChangeKind.VariableAdded, Name: variable.Name, After: Variable(variable)));
        }

        foreach (var variable in before.Where(v => !current.ContainsKey(v.Name)))
        {
            changes.Add(new(DefinitionChangeKind.VariableRemoved, Name: variable.Name, Before: Variable(variable)));
        }

        foreach (var variable in after.Where(v => old.ContainsKey(v.Name)))
        {
            var was = Variable(old[variable.Name]);
            var now = Variable(variable);
            if (was != now)
            {
                changes.Add(new(DefinitionChangeKind.VariableChanged, Name: variable.Name, Before: was, After: now));
            }
        }
    }

    private static string Variable(VariableDefinition v) =>
        Cut($"{v.Type}{(v.IsPersonalData ? ", personal" : "")}{(v.Default is null ? "" : " = " + v.Default.ToJsonString(CompactJson))}");

    private static bool SameExpression(InputExpression? a, InputExpression? b) =>
        (a, b) switch
        {
            (null, null) => true,
            (null, _) or (_, null) => false,
            _ => a.Type == b.Type && JsonNode.DeepEquals(a.Value, b.Value),
        };

    private static string Cut(string? text) =>
        text is null ? "" : text.Length <= MaxValueLength ? text : string.Concat(text.AsSpan(0, MaxValueLength), "…");
}
