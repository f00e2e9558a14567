using SmartKiosk.Workflows.Activities.Flow;
using SmartKiosk.Workflows.Models;

namespace SmartKiosk.Designer.Host.Flows;

/// <summary>
/// Left-to-right layered layout: each activity goes one column after the furthest of its predecessors (loops are broken
/// at their back edge, found by a depth-first walk from Start), and within a column activities are ordered by the mean
/// row of their predecessors so that connections cross as little as a simple sweep allows.
/// </summary>
public static class FlowLayout
{
    public const double ColumnWidth = 280;
    public const double RowGap = 36;
    public const double Margin = 40;

    /// <summary>The height a node is drawn with: a title block plus one row per outcome port (kept in step with the node's CSS).</summary>
    public static double NodeHeight(int ports) => 56 + (22 * Math.Max(ports, 1));

    public static IReadOnlyDictionary<string, FlowPoint> Arrange(WorkflowDefinition definition, Func<ActivityNode, IReadOnlyList<string>> portsOf)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(portsOf);
        var nodes = definition.Root.Activities;
        var order = nodes.Select((n, i) => (n.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var successors = nodes.ToDictionary(n => n.Id, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var c in definition.Root.Connections)
        {
            if (successors.TryGetValue(c.Source.Activity, out var list) && order.ContainsKey(c.Target.Activity) && !list.Contains(c.Target.Activity))
            {
                list.Add(c.Target.Activity);
            }
        }

        var forward = ForwardEdges(nodes, successors);
        var column = Columns(nodes, forward);
        var rows = Rows(nodes, forward, column, order);

        var positions = new Dictionary<string, FlowPoint>(StringComparer.Ordinal);
        foreach (var (col, ids) in rows)
        {
            var y = Margin;
            foreach (var id in ids)
            {
                positions[id] = new FlowPoint(Margin + (col * ColumnWidth), y);
                y += NodeHeight(portsOf(nodes[order[id]]).Count) + RowGap;
            }
        }

        return positions;
    }

    /// <summary>Every edge except those that close a loop (back edges of a depth-first walk from Start, then from every unvisited node).</summary>
    private static Dictionary<string, List<string>> ForwardEdges(IReadOnlyList<ActivityNode> nodes, Dictionary<string, List<string>> successors)
    {
        var forward = nodes.ToDictionary(n => n.Id, _ => new List<string>(), StringComparer.Ordinal);
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        var roots = nodes.Where(n => n.Type == Start.TypeName).Concat(nodes).Select(n => n.Id);
        foreach (var root in roots)
        {
            if (state.ContainsKey(root))
            {
                continue;
            }

            // Iterative walk: a long chain must not overflow the stack.
            var stack = new Stack<(string Id, int Next)>();
            stack.Push((root, 0));
            state[root] = 1;
            while (stack.Count > 0)
            {
                var (id, next) = stack.Pop();
                if (next < successors[id].Count)
                {
                    stack.Push((id, next + 1));
                    var target = successors[id][next];
                    if (!state.TryGetValue(target, out var s))
                    {
                        forward[id].Add(target);
                        state[target] = 1;
                        stack.Push((target, 0));
                    }
                    else if (s == 2)
                    {
                        forward[id].Add(target);
                    }
                }
                else
                {
                    state[id] = 2;
                }
            }
        }

        return forward;
    }

    /// <summary>Longest path from the sources over the forward edges (Kahn's order).</summary>
    private static Dictionary<string, int> Columns(IReadOnlyList<ActivityNode> nodes, Dictionary<string, List<string>> forward)
    {
        var indegree = nodes.ToDictionary(n => n.Id, _ => 0, StringComparer.Ordinal);
        foreach (var target in forward.Values.SelectMany(t => t))
        {
            indegree[target]++;
        }

        var column = nodes.ToDictionary(n => n.Id, _ => 0, StringComparer.Ordinal);
        var ready = new Queue<string>(nodes.Where(n => indegree[n.Id] == 0).Select(n => n.Id));
        while (ready.TryDequeue(out var id))
        {
            foreach (var target in forward[id])
            {
                column[target] = Math.Max(column[target], column[id] + 1);
                if (--indegree[target] == 0)
                {
                    ready.Enqueue(target);
                }
            }
        }

        return column;
    }

    private static SortedDictionary<int, List<string>> Rows(
        IReadOnlyList<ActivityNode> nodes, Dictionary<string, List<string>> forward, Dictionary<string, int> column, Dictionary<string, int> order)
    {
        var predecessors = nodes.ToDictionary(n => n.Id, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var (source, targets) in forward)
        {
            foreach (var target in targets)
            {
                predecessors[target].Add(source);
            }
        }

        var rows = new SortedDictionary<int, List<string>>();
        foreach (var node in nodes)
        {
            if (!rows.TryGetValue(column[node.Id], out var list))
            {
                rows[column[node.Id]] = list = [];
            }

            list.Add(node.Id);
        }

        var rank = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (_, ids) in rows)
        {
            // The order in which a node's predecessor lists its targets keeps an outcome's branches in port order.
            var keyed = ids.Select(id => (Id: id, Key: predecessors[id].Count == 0
                ? order[id]
                : predecessors[id].Average(p => rank.GetValueOrDefault(p) + (forward[p].IndexOf(id) * 0.01))))
                .OrderBy(p => p.Key)
                .ThenBy(p => order[p.Id])
                .ToList();
            ids.Clear();
            ids.AddRange(keyed.Select(k => k.Id));
            for (var i = 0; i < ids.Count; i++)
            {
                rank[ids[i]] = i;
            }
        }

        return rows;
    }
}
