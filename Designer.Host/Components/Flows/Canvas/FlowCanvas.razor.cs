using Blazor.Diagrams;
using Blazor.Diagrams.Core.Anchors;
using Blazor.Diagrams.Core.Behaviors;
using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams.Core.Models;
using Blazor.Diagrams.Core.Models.Base;
using Blazor.Diagrams.Core.PathGenerators;
using Blazor.Diagrams.Core.Routers;
using Blazor.Diagrams.Options;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using SmartKiosk.Designer.Host.Flows;
using SmartKiosk.Workflows.Activities.Flow;
using PointerEventArgs = Blazor.Diagrams.Core.Events.PointerEventArgs;

namespace SmartKiosk.Designer.Host.Components.Flows.Canvas;

/// <summary>
/// Keeps a <see cref="BlazorDiagram"/> in step with a <see cref="FlowEditor"/>. The editor is the truth: every gesture
/// on the canvas becomes an editor call (a drag ends in one <see cref="FlowEditor.Move"/>, a drawn link in
/// <see cref="FlowEditor.Connect"/>, Delete in <see cref="FlowEditor.Remove"/>), and after every edit the diagram is
/// reconciled with the definition — only what differs is touched, so adding or moving a node re-renders that node.
/// </summary>
public sealed partial class FlowCanvas : IDisposable
{
    private BlazorDiagram diagram = null!;
    private bool reconciling;

    [Parameter, EditorRequired]
    public FlowEditor Editor { get; set; } = null!;

    /// <summary>The instance viewer's canvas: nothing can be moved, connected or deleted.</summary>
    [Parameter]
    public bool ReadOnly { get; set; }

    [Parameter]
    public string Label { get; set; } = "";

    /// <summary>The activity whose properties are shown (null: none or several selected).</summary>
    [Parameter]
    public EventCallback<string?> SelectionChanged { get; set; }

    /// <summary>A connection drawn on the canvas that the editor refused, to be explained to the administrator.</summary>
    [Parameter]
    public EventCallback<ConnectRefusal> ConnectionRefused { get; set; }

    /// <summary>The toolbox sets this while one of its activities is being dragged.</summary>
    [Parameter]
    public string? DraggedType { get; set; }

    /// <summary>Problems per activity id (from validation) drawn as badges.</summary>
    [Parameter]
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? Problems { get; set; }

    /// <summary>Run state per activity and the connections taken (instance viewer).</summary>
    [Parameter]
    public IReadOnlyDictionary<string, ActivityRunState>? RunStates { get; set; }

    [Parameter]
    public IReadOnlySet<FlowConnection>? TakenConnections { get; set; }

    protected override void OnInitialized()
    {
        var options = new BlazorDiagramOptions
        {
            AllowMultiSelection = !ReadOnly,
            AllowPanning = true,
            GridSize = ReadOnly ? null : 20,
            Zoom = { Enabled = true, Minimum = 0.2, Maximum = 2.5, ScaleFactor = 1.1 },
            Links =
            {
                DefaultRouter = new NormalRouter(),
                DefaultPathGenerator = new SmoothPathGenerator(),
                RequireTarget = true,
                EnableSnapping = !ReadOnly,
                SnappingRadius = 30,
                Factory = (_, source, target) => !ReadOnly && source is OutcomePortModel port ? new LinkModel(new SinglePortAnchor(port), target) : null,
                TargetAnchorFactory = (_, _, model) => new SinglePortAnchor(model switch
                {
                    ActivityNodeModel node => node.InPort!,
                    PortModel port => port,
                    _ => throw new ArgumentOutOfRangeException(nameof(model)),
                }),
            },
        };
        diagram = new BlazorDiagram(options);
        diagram.RegisterComponent<ActivityNodeModel, ActivityNodeWidget>();

        var keys = diagram.GetBehavior<KeyboardShortcutsBehavior>()!;
        keys.RemoveShortcut("g", true, false, true);
        keys.SetShortcut("Delete", false, false, false, _ => { DeleteSelection(); return ValueTask.CompletedTask; });
        keys.SetShortcut("Backspace", false, false, false, _ => { DeleteSelection(); return ValueTask.CompletedTask; });
        keys.SetShortcut("z", true, false, false, _ => { Editor.Undo(); return ValueTask.CompletedTask; });
        keys.SetShortcut("y", true, false, false, _ => { Editor.Redo(); return ValueTask.CompletedTask; });
        keys.SetShortcut("z", true, true, false, _ => { Editor.Redo(); return ValueTask.CompletedTask; });
        if (ReadOnly)
        {
            diagram.UnregisterBehavior<DragMovablesBehavior>();
            diagram.UnregisterBehavior<DragNewLinkBehavior>();
            diagram.UnregisterBehavior<KeyboardShortcutsBehavior>();
        }

        diagram.PointerUp += OnPointerUp;
        diagram.SelectionChanged += OnSelectionChanged;
        diagram.Links.Added += OnLinkAdded;
        Editor.Edited += OnEdited;
        Reconcile();
    }

    protected override void OnParametersSet()
    {
        if (diagram is not null)
        {
            Decorate();
        }
    }

    public void ZoomIn() => diagram.SetZoom(Math.Min(diagram.Zoom * 1.2, diagram.Options.Zoom.Maximum));

    public void ZoomOut() => diagram.SetZoom(Math.Max(diagram.Zoom / 1.2, diagram.Options.Zoom.Minimum));

    /// <summary>Shows the whole flow (the library fits the selection when there is one, so it is cleared first).</summary>
    public void Fit()
    {
        diagram.UnselectAll();
        diagram.ZoomToFit(40);
        if (diagram.Zoom > 1.2)
        {
            diagram.SetZoom(1.2);
        }
    }

    public void Select(string activityId)
    {
        if (diagram.Nodes.FirstOrDefault(n => n.Id == activityId) is { } node)
        {
            diagram.SelectModel(node, unselectOthers: true);
        }
    }

    public IReadOnlyList<string> SelectedActivities() =>
        [.. diagram.GetSelectedModels().OfType<ActivityNodeModel>().Select(n => n.Id)];

    /// <summary>
    /// Where a new activity goes when added without a drop point: right of the selected (or rightmost) one while that
    /// stays in view, else at the start of a new row below everything, so that it is always visible.
    /// </summary>
    public FlowPoint FreeSpot()
    {
        var nodes = diagram.Nodes.OfType<ActivityNodeModel>().ToList();
        var left = (-diagram.Pan.X / diagram.Zoom) + FlowLayout.Margin;
        var top = (-diagram.Pan.Y / diagram.Zoom) + FlowLayout.Margin;
        if (nodes.Count == 0)
        {
            return new FlowPoint(left, top);
        }

        var anchor = diagram.GetSelectedModels().OfType<ActivityNodeModel>().FirstOrDefault() ?? nodes.MaxBy(n => n.Position.X)!;
        var right = anchor.Position.X + FlowLayout.ColumnWidth;
        var visibleRight = diagram.Container is { } box ? (box.Width - diagram.Pan.X) / diagram.Zoom : double.MaxValue;
        if (right + ActivityNodeWidget.Width <= visibleRight)
        {
            return new FlowPoint(right, anchor.Position.Y);
        }

        var bottom = nodes.Max(n => n.Position.Y + (n.Size?.Height ?? FlowLayout.NodeHeight(n.Outcomes.Count())));
        return new FlowPoint(left, bottom + FlowLayout.RowGap);
    }

    public void DeleteSelection()
    {
        if (ReadOnly)
        {
            return;
        }

        var selected = diagram.GetSelectedModels().ToList();
        var nodes = selected.OfType<ActivityNodeModel>().Select(n => n.Id).ToList();
        var links = selected.OfType<LinkModel>().Select(ConnectionOf).OfType<FlowConnection>().ToList();
        Editor.Remove(nodes, links);
    }

    public void Dispose()
    {
        Editor.Edited -= OnEdited;
        diagram.PointerUp -= OnPointerUp;
        diagram.SelectionChanged -= OnSelectionChanged;
        diagram.Links.Added -= OnLinkAdded;
    }

    private void OnDragOver(DragEventArgs e)
    {
        // Only the toolbox's drags are accepted; the handler exists so that the browser allows the drop.
    }

    private void OnDrop(DragEventArgs e)
    {
        if (ReadOnly || DraggedType is not { } type)
        {
            return;
        }

        var at = diagram.GetRelativeMousePoint(e.ClientX, e.ClientY);
        var node = Editor.Add(type, new FlowPoint(at.X - (ActivityNodeWidget.Width / 2.0), at.Y - 20));
        Select(node.Id);
    }

    /// <summary>A drag has ended (the library has already moved the nodes): record all moved nodes as one edit.</summary>
    private void OnPointerUp(Model? model, PointerEventArgs e)
    {
        if (ReadOnly)
        {
            return;
        }

        var moved = new Dictionary<string, FlowPoint>(StringComparer.Ordinal);
        foreach (var node in diagram.Nodes.OfType<ActivityNodeModel>())
        {
            var at = new FlowPoint(node.Position.X, node.Position.Y);
            if (Editor.Find(node.Id) is { } activity && FlowEditor.PositionOf(activity) != at)
            {
                moved[node.Id] = at;
            }
        }

        Editor.Move(moved);
    }

    private void OnSelectionChanged(SelectableModel model)
    {
        var selected = diagram.GetSelectedModels().OfType<ActivityNodeModel>().ToList();
        _ = InvokeAsync(() => SelectionChanged.InvokeAsync(selected.Count == 1 ? selected[0].Id : null));
    }

    private void OnLinkAdded(BaseLinkModel link)
    {
        if (!reconciling)
        {
            link.TargetAttached += OnTargetAttached;
        }
    }

    /// <summary>A link drawn by hand reached a port: the editor decides; a refused link disappears again.</summary>
    private void OnTargetAttached(BaseLinkModel link)
    {
        link.TargetAttached -= OnTargetAttached;
        var refusal = ConnectionOf(link) is { } connection ? Editor.Connect(connection.Source, connection.Port, connection.Target) : ConnectRefusal.UnknownPort;
        if (refusal != ConnectRefusal.None)
        {
            diagram.Links.Remove(link);
            _ = InvokeAsync(() => ConnectionRefused.InvokeAsync(refusal));
            return;
        }

        // A port is drawn filled once it has a link; its renderer redraws only when the port itself changes.
        (link.Source.Model as Model)?.Refresh();
        (link.Target.Model as Model)?.Refresh();
    }

    private void OnEdited(FlowEdit edit)
    {
        Reconcile();
        _ = InvokeAsync(StateHasChanged);
    }

    private static FlowConnection? ConnectionOf(BaseLinkModel link) =>
        link.Source.Model is OutcomePortModel source && link.Target.Model is PortModel { Parent: ActivityNodeModel target }
            ? new FlowConnection(source.Parent.Id, source.Outcome, target.Id)
            : null;

    /// <summary>Makes the diagram show the editor's definition: nodes, their ports and texts, and links.</summary>
    private void Reconcile()
    {
        reconciling = true;
        try
        {
            diagram.Batch(() =>
            {
                var activities = Editor.Activities.ToDictionary(a => a.Id, StringComparer.Ordinal);
                foreach (var stale in diagram.Nodes.Where(n => !activities.ContainsKey(n.Id)).ToList())
                {
                    diagram.Nodes.Remove(stale);
                }

                var row = 0;
                foreach (var activity in Editor.Activities)
                {
                    var at = FlowEditor.PositionOf(activity) ?? new FlowPoint(FlowLayout.Margin, FlowLayout.Margin + (row++ * 120));
                    var isStart = activity.Type == Start.TypeName;
                    if (diagram.Nodes.FirstOrDefault(n => n.Id == activity.Id) is not ActivityNodeModel node || (node.InPort is null) != isStart)
                    {
                        if (diagram.Nodes.FirstOrDefault(n => n.Id == activity.Id) is { } wrong)
                        {
                            diagram.Nodes.Remove(wrong);
                        }

                        node = new ActivityNodeModel(activity.Id, new Point(at.X, at.Y), isStart) { Locked = ReadOnly };
                        Describe(node, activity);
                        diagram.Nodes.Add(node);
                        continue;
                    }

                    if (node.Position.X != at.X || node.Position.Y != at.Y)
                    {
                        node.SetPosition(at.X, at.Y);
                    }

                    Describe(node, activity);
                }

                ReconcileLinks();
            });
            Decorate();
        }
        finally
        {
            reconciling = false;
        }
    }

    private void Describe(ActivityNodeModel node, SmartKiosk.Workflows.Models.ActivityNode activity)
    {
        var descriptor = Editor.DescriptorOf(activity);
        var title = activity.DisplayName ?? FlowText.ActivityName(T, activity.Type, descriptor);
        var changed = node.Title != title || node.TypeName != activity.Type;
        node.Title = title;
        node.TypeName = activity.Type;
        node.Category = descriptor?.Category ?? "";

        var wanted = Editor.PortsOf(activity);
        var current = node.Outcomes.Select(p => p.Outcome).ToList();
        if (!current.SequenceEqual(wanted, StringComparer.Ordinal))
        {
            foreach (var port in node.Outcomes.ToList())
            {
                foreach (var link in port.Links.ToList())
                {
                    diagram.Links.Remove(link);
                }

                node.RemovePort(port);
            }

            foreach (var outcome in wanted)
            {
                node.AddPort(new OutcomePortModel(node, outcome));
            }

            node.ReinitializePorts();
            changed = true;
        }

        if (changed)
        {
            node.Refresh();
        }
    }

    private void ReconcileLinks()
    {
        var wanted = Editor.Connections.ToHashSet();
        foreach (var link in diagram.Links.ToList())
        {
            if (ConnectionOf(link) is not { } connection || !wanted.Remove(connection))
            {
                diagram.Links.Remove(link);
            }
        }

        foreach (var connection in wanted)
        {
            var source = diagram.Nodes.FirstOrDefault(n => n.Id == connection.Source) as ActivityNodeModel;
            var target = diagram.Nodes.FirstOrDefault(n => n.Id == connection.Target) as ActivityNodeModel;
            var port = source?.Outcomes.FirstOrDefault(p => p.Outcome == connection.Port);
            if (port is not null && target?.InPort is { } inPort)
            {
                diagram.Links.Add(new LinkModel(connection.Id, port, inPort) { Locked = ReadOnly });
            }
        }
    }

    /// <summary>Problem badges and run states: cheap, redrawn only on nodes whose decoration changed.</summary>
    private void Decorate()
    {
        foreach (var node in diagram.Nodes.OfType<ActivityNodeModel>())
        {
            var problems = Problems?.GetValueOrDefault(node.Id);
            var count = problems?.Count ?? 0;
            var text = problems is null ? null : string.Join("\n", problems);
            var state = RunStates?.GetValueOrDefault(node.Id) ?? ActivityRunState.None;
            if (node.ProblemCount != count || node.ProblemText != text || node.RunState != state)
            {
                (node.ProblemCount, node.ProblemText, node.RunState) = (count, text, state);
                node.Refresh();
            }
        }

        if (TakenConnections is not null)
        {
            foreach (var link in diagram.Links.OfType<LinkModel>())
            {
                var taken = ConnectionOf(link) is { } c && TakenConnections.Contains(c);
                var color = taken ? "#1b6e20" : null;
                if (link.Color != color)
                {
                    link.Color = color;
                    link.Width = taken ? 4 : 2;
                    link.Refresh();
                }
            }
        }
    }
}
