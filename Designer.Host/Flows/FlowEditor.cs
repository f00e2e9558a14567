using System.Globalization;
using System.Text.Json.Nodes;
using SmartKiosk.Workflows.Activities.Flow;
using SmartKiosk.Workflows.Contracts;
using SmartKiosk.Workflows.Descriptors;
using SmartKiosk.Workflows.Models;
using SmartKiosk.Workflows.Serialization;
using Endpoint = SmartKiosk.Workflows.Models.Endpoint;

namespace SmartKiosk.Designer.Host.Flows;

/// <summary>
/// The designer's working copy of a workflow and every edit the canvas and the property panel make to it, each one an
/// undoable step. It knows nothing of the diagram library: the canvas draws <see cref="Definition"/> and calls these
/// methods, so the graph JSON stays the engine's and the editing rules can be tested without a browser.
/// </summary>
public sealed class FlowEditor
{
    private const string DesignerKey = "designer";
    private const string PositionKey = "position";

    private readonly IActivityRegistry _registry;
    private readonly FlowHistory _history = new();
    private string _saved;

    public FlowEditor(WorkflowDefinition definition, IActivityRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(definition);
        _registry = registry;
        Definition = Copy(definition);
        PlaceUnplaced();
        _saved = Snapshot();
    }

    public WorkflowDefinition Definition { get; private set; }

    public bool CanUndo => _history.CanUndo;
    public bool CanRedo => _history.CanRedo;

    /// <summary>How many edits can be undone (shown to tests and the benchmark as the undo button's data-steps).</summary>
    public int UndoSteps => _history.UndoCount;

    /// <summary>True when the working copy differs from what was loaded or last saved.</summary>
    public bool IsDirty => Snapshot() != _saved;

    /// <summary>Raised after every edit, undo and redo: the canvas redraws what changed.</summary>
    public event Action<FlowEdit>? Edited;

    public IReadOnlyList<ActivityNode> Activities => Definition.Root.Activities;

    public IEnumerable<FlowConnection> Connections =>
        Definition.Root.Connections.Select(c => new FlowConnection(c.Source.Activity, c.Source.Port, c.Target.Activity));

    public ActivityNode? Find(string activityId) => Definition.Root.Activities.FirstOrDefault(a => a.Id == activityId);

    public ActivityDescriptor? DescriptorOf(ActivityNode node) => _registry.Find(node.Type);

    /// <summary>The node's outcome ports in the order the activity declares them; none for an unknown type or unreadable case list.</summary>
    public IReadOnlyList<string> PortsOf(ActivityNode node)
    {
        if (DescriptorOf(node) is not { } descriptor)
        {
            return [];
        }

        try
        {
            return [.. descriptor.GetOutcomes(node).Distinct(StringComparer.Ordinal)];
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException or System.Text.Json.JsonException)
        {
            return descriptor.Outcomes;
        }
    }

    public static FlowPoint? PositionOf(ActivityNode node) =>
        node.Metadata?[DesignerKey]?[PositionKey] is JsonObject p
        && p["x"] is JsonValue x && x.TryGetValue<double>(out var px)
        && p["y"] is JsonValue y && y.TryGetValue<double>(out var py)
            ? new FlowPoint(px, py)
            : null;

    /// <summary>Marks the current state as saved (after the store accepted it).</summary>
    public void MarkSaved() => _saved = Snapshot();

    public ActivityNode Add(string type, FlowPoint at)
    {
        var descriptor = _registry.Find(type) ?? throw new ArgumentException($"Unknown activity type '{type}'.", nameof(type));
        Record();
        var node = new ActivityNode { Id = NewId(descriptor.Type), Type = descriptor.Type, Version = descriptor.Version };
        foreach (var input in descriptor.Inputs.Where(i => i.Required && i.Default is not null))
        {
            node.Inputs[input.Name] = new InputExpression { Type = input.DefaultSyntax, Value = input.Default!.DeepClone() };
        }

        SetPosition(node, at);
        Definition.Root.Activities.Add(node);
        Raise(FlowEditKind.Added, node.Id);
        return node;
    }

    /// <summary>Moves nodes (one undo step for all of them, as one drag of a selection).</summary>
    public void Move(IReadOnlyDictionary<string, FlowPoint> positions)
    {
        ArgumentNullException.ThrowIfNull(positions);
        var moved = positions.Where(p => Find(p.Key) is { } node && PositionOf(node) != p.Value).ToList();
        if (moved.Count == 0)
        {
            return;
        }

        Record();
        foreach (var (id, at) in moved)
        {
            SetPosition(Find(id)!, at);
        }

        Raise(FlowEditKind.Moved, [.. moved.Select(m => m.Key)]);
    }

    /// <summary>Removes activities (with every connection to or from them) and connections, as one step. The only Start stays.</summary>
    public void Remove(IReadOnlyCollection<string> activityIds, IReadOnlyCollection<FlowConnection> connections)
    {
        ArgumentNullException.ThrowIfNull(activityIds);
        ArgumentNullException.ThrowIfNull(connections);
        var nodes = Definition.Root.Activities.Where(a => activityIds.Contains(a.Id)).Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        if (Definition.Root.Activities.Where(a => a.Type == Start.TypeName).All(a => nodes.Contains(a.Id))
            && Definition.Root.Activities.FirstOrDefault(a => a.Type == Start.TypeName) is { } keep)
        {
            // A workflow always keeps a Start: of the Starts being removed, the first stays.
            nodes.Remove(keep.Id);
        }

        var links = connections.ToHashSet();
        var doomed = Definition.Root.Connections
            .Where(c => nodes.Contains(c.Source.Activity) || nodes.Contains(c.Target.Activity) || links.Contains(Key(c)))
            .ToList();
        if (nodes.Count == 0 && doomed.Count == 0)
        {
            return;
        }

        Record();
        Definition.Root.Activities.RemoveAll(a => nodes.Contains(a.Id));
        Definition.Root.Connections.RemoveAll(doomed.Contains);
        Raise(FlowEditKind.Removed, [.. nodes]);
    }

    public ConnectRefusal CanConnect(string source, string port, string target)
    {
        if (Find(source) is not { } from || Find(target) is not { } to)
        {
            return ConnectRefusal.UnknownActivity;
        }

        if (!PortsOf(from).Contains(port, StringComparer.Ordinal))
        {
            return ConnectRefusal.UnknownPort;
        }

        if (source == target)
        {
            return ConnectRefusal.SameActivity;
        }

        if (to.Type == Start.TypeName)
        {
            return ConnectRefusal.IntoStart;
        }

        return Connections.Contains(new FlowConnection(source, port, target)) ? ConnectRefusal.Duplicate : ConnectRefusal.None;
    }

    public ConnectRefusal Connect(string source, string port, string target)
    {
        var refusal = CanConnect(source, port, target);
        if (refusal != ConnectRefusal.None)
        {
            return refusal;
        }

        Record();
        Definition.Root.Connections.Add(new Connection
        {
            Source = new Endpoint { Activity = source, Port = port },
            Target = new Endpoint { Activity = target, Port = "In" },
        });
        Raise(FlowEditKind.Connected, source, target);
        return ConnectRefusal.None;
    }

    /// <summary>
    /// Sets (or with null removes) an input. When the input decides the node's ports (a Switch's cases, a Fork's branches, a
    /// task's actions), connections from ports that no longer exist are removed in the same step.
    /// </summary>
    public void SetInput(string activityId, string input, InputExpression? value)
    {
        var node = Find(activityId) ?? throw new ArgumentException($"No activity '{activityId}'.", nameof(activityId));
        var current = node.Inputs.GetValueOrDefault(input);
        if (current?.Type == value?.Type && JsonNode.DeepEquals(current?.Value, value?.Value))
        {
            return;
        }

        Record();
        if (value is null)
        {
            node.Inputs.Remove(input);
        }
        else
        {
            node.Inputs[input] = new InputExpression { Type = value.Type, Value = value.Value?.DeepClone() };
        }

        var ports = PortsOf(node);
        Definition.Root.Connections.RemoveAll(c => c.Source.Activity == activityId && !ports.Contains(c.Source.Port, StringComparer.Ordinal));
        Raise(FlowEditKind.Changed, activityId);
    }

    public void Rename(string activityId, string? displayName)
    {
        var node = Find(activityId) ?? throw new ArgumentException($"No activity '{activityId}'.", nameof(activityId));
        var name = string.IsNullOrWhiteSpace(displayName) ? null : displayName.Trim();
        if (node.DisplayName == name)
        {
            return;
        }

        Record();
        node.DisplayName = name;
        Raise(FlowEditKind.Changed, activityId);
    }

    public void Describe(string name, string? description)
    {
        var text = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        if (Definition.Name == name && Definition.Description == text)
        {
            return;
        }

        Record();
        Definition.Name = name;
        Definition.Description = text;
        Raise(FlowEditKind.Details);
    }

    /// <summary>Declares a variable (expressions read it as <c>variables.name</c>); a name already declared is left as it is.</summary>
    public void DeclareVariable(string name, bool isPersonalData, JsonNode? initial)
    {
        if (Definition.Variables.Any(v => v.Name == name))
        {
            return;
        }

        Record();
        Definition.Variables.Add(new VariableDefinition { Name = name, IsPersonalData = isPersonalData, Default = initial?.DeepClone() });
        Raise(FlowEditKind.Details);
    }

    public void RemoveVariable(string name)
    {
        if (Definition.Variables.All(v => v.Name != name))
        {
            return;
        }

        Record();
        Definition.Variables.RemoveAll(v => v.Name == name);
        Raise(FlowEditKind.Details);
    }

    /// <summary>Arranges the whole flow left to right (<see cref="FlowLayout"/>), as one undoable step.</summary>
    public void Layout()
    {
        var positions = FlowLayout.Arrange(Definition, PortsOf);
        Move(positions);
    }

    public bool Undo() => Restore(_history.Undo(Snapshot()));

    public bool Redo() => Restore(_history.Redo(Snapshot()));

    /// <summary>
    /// A definition written by hand or by a script may carry no positions: the whole flow is laid out once, as part of
    /// loading it (not an edit). Nodes without a position in an otherwise drawn flow go below it.
    /// </summary>
    private void PlaceUnplaced()
    {
        var unplaced = Definition.Root.Activities.Where(a => PositionOf(a) is null).ToList();
        if (unplaced.Count == 0)
        {
            return;
        }

        if (unplaced.Count == Definition.Root.Activities.Count)
        {
            foreach (var (id, at) in FlowLayout.Arrange(Definition, PortsOf))
            {
                SetPosition(Find(id)!, at);
            }

            return;
        }

        var bottom = Definition.Root.Activities.Select(PositionOf).OfType<FlowPoint>().Max(p => p.Y) + 200;
        for (var i = 0; i < unplaced.Count; i++)
        {
            SetPosition(unplaced[i], new FlowPoint(FlowLayout.Margin + (i * FlowLayout.ColumnWidth), bottom));
        }
    }

    private bool Restore(string? json)
    {
        if (json is null)
        {
            return false;
        }

        Definition = WorkflowJson.Deserialize(json, int.MaxValue);
        Raise(FlowEditKind.Replaced);
        return true;
    }

    private void Record() => _history.Record(Snapshot());

    private string Snapshot() => WorkflowJson.Serialize(Definition);

    private void Raise(FlowEditKind kind, params string[] activityIds) => Edited?.Invoke(new FlowEdit(kind, activityIds));

    /// <summary>"matchFace1", "matchFace2"…: readable in expressions (<c>outputs.matchFace1.Result</c>) and in the journal.</summary>
    private string NewId(string type)
    {
        var stem = new string([.. type.Where(char.IsAsciiLetterOrDigit)]);
        stem = stem.Length == 0 ? "activity" : char.ToLowerInvariant(stem[0]) + stem[1..];
        if (stem.Length > 56)
        {
            stem = stem[..56];
        }

        if (!char.IsAsciiLetter(stem[0]))
        {
            stem = "a" + stem;
        }

        for (var n = 1; ; n++)
        {
            var id = stem + n.ToString(CultureInfo.InvariantCulture);
            if (Find(id) is null)
            {
                return id;
            }
        }
    }

    internal static void SetPosition(ActivityNode node, FlowPoint at)
    {
        node.Metadata ??= [];
        if (node.Metadata[DesignerKey] is not JsonObject designer)
        {
            node.Metadata[DesignerKey] = designer = [];
        }

        designer[PositionKey] = new JsonObject { ["x"] = Math.Round(at.X, 1), ["y"] = Math.Round(at.Y, 1) };
    }

    private static FlowConnection Key(Connection c) => new(c.Source.Activity, c.Source.Port, c.Target.Activity);

    private static WorkflowDefinition Copy(WorkflowDefinition definition) => WorkflowJson.Deserialize(WorkflowJson.Serialize(definition), int.MaxValue);
}
