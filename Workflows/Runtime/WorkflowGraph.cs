using SmartKiosk.Workflows.Contracts;
using SmartKiosk.Workflows.Descriptors;
using SmartKiosk.Workflows.Models;

namespace SmartKiosk.Workflows.Runtime;

/// <summary>
/// A definition version compiled for execution: nodes with their descriptors, outgoing connections
/// per port, inbound connections per node and reachability. Immutable, cached per version.
/// </summary>
public sealed class WorkflowGraph
{
    private readonly Dictionary<string, ActivityNode> _nodes;
    private readonly Dictionary<string, ActivityDescriptor> _descriptors;
    private readonly Dictionary<(string Activity, string Port), List<string>> _targets = [];
    private readonly Dictionary<string, HashSet<string>> _inbound = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _successors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _reachable = new(StringComparer.Ordinal);

    public WorkflowGraph(Guid versionId, WorkflowDefinition definition, IActivityRegistry registry)
    {
        VersionId = versionId;
        Definition = definition;
        _nodes = definition.Root.Activities.ToDictionary(a => a.Id, StringComparer.Ordinal);
        _descriptors = definition.Root.Activities.ToDictionary(
            a => a.Id,
            a => registry.Find(a.Type) ?? throw new InvalidOperationException($"Activity '{a.Id}' has unknown type '{a.Type}'."),
            StringComparer.Ordinal);

        foreach (var node in _nodes.Keys)
        {
            _inbound[node] = new HashSet<string>(StringComparer.Ordinal);
            _successors[node] = new HashSet<string>(StringComparer.Ordinal);
        }

        foreach (var c in definition.Root.Connections)
        {
            var key = (c.Source.Activity, c.Source.Port);
            if (!_targets.TryGetValue(key, out var list))
            {
                _targets[key] = list = [];
            }

            list.Add(c.Target.Activity);
            _inbound[c.Target.Activity].Add(InboundKey(c.Source.Activity, c.Source.Port));
            _successors[c.Source.Activity].Add(c.Target.Activity);
        }

        StartActivityId = definition.Root.Activities.Single(a => a.Type == Activities.Flow.Start.TypeName).Id;
    }

    public Guid VersionId { get; }
    public WorkflowDefinition Definition { get; }
    public string StartActivityId { get; }

    public ActivityNode Node(string id) => _nodes[id];
    public ActivityDescriptor Descriptor(string id) => _descriptors[id];

    public IReadOnlyList<string> Targets(string activityId, string port) =>
        _targets.TryGetValue((activityId, port), out var list) ? list : [];

    public IReadOnlySet<string> Inbound(string activityId) => _inbound[activityId];

    /// <summary>True when <paramref name="to"/> can be reached from <paramref name="from"/> along one or more connections.</summary>
    public bool CanReach(string from, string to)
    {
        lock (_reachable)
        {
            if (!_reachable.TryGetValue(from, out var set))
            {
                set = new HashSet<string>(StringComparer.Ordinal);
                var stack = new Stack<string>(_successors[from]);
                while (stack.TryPop(out var next))
                {
                    if (set.Add(next))
                    {
                        foreach (var s in _successors[next])
                        {
                            stack.Push(s);
                        }
                    }
                }

                _reachable[from] = set;
            }

            return set.Contains(to);
        }
    }

    public static string InboundKey(string sourceActivity, string sourcePort) => $"{sourceActivity}:{sourcePort}";
}
