using SmartKiosk.Designer.Host.Flows;
using SmartKiosk.Workflows.Models;
using SmartKiosk.Workflows.Queries;

namespace SmartKiosk.Designer.Host.Instances;

/// <summary>
/// Where an instance has been, drawn on its version's graph: every activity the journal shows as run, the connections
/// its outcomes took, where it waits (bookmarks) and where it stopped (faulted entries, open incidents).
/// </summary>
public sealed record RunPath(IReadOnlyDictionary<string, ActivityRunState> States, IReadOnlySet<FlowConnection> Taken)
{
    public static RunPath Of(WorkflowDefinition definition, IReadOnlyList<JournalEntryView> journal, WorkflowInstanceView instance)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(instance);
        var states = new Dictionary<string, ActivityRunState>(StringComparer.Ordinal);
        var taken = new HashSet<FlowConnection>();
        foreach (var entry in journal)
        {
            states[entry.ActivityId] = entry.Status == "Faulted" ? ActivityRunState.Faulted : ActivityRunState.Executed;
            foreach (var outcome in (entry.Outcomes ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                foreach (var c in definition.Root.Connections.Where(c => c.Source.Activity == entry.ActivityId && c.Source.Port == outcome))
                {
                    taken.Add(new FlowConnection(c.Source.Activity, c.Source.Port, c.Target.Activity));
                }
            }
        }

        foreach (var bookmark in instance.Bookmarks)
        {
            states[bookmark.ActivityId] = ActivityRunState.Waiting;
        }

        foreach (var incident in instance.Incidents.Where(i => i.ResolvedAt is null && i.ActivityId is not null))
        {
            states[incident.ActivityId!] = ActivityRunState.Faulted;
        }

        return new RunPath(states, taken);
    }
}
