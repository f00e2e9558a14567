using Microsoft.EntityFrameworkCore;
using SmartKiosk.Workflows.Persistence;

namespace SmartKiosk.Workflows.Runtime;

/// <summary>
/// What the run's unit of work tracked before an activity ran, so that the rows a failing activity
/// staged (added or changed) can be taken back before the run commits its fault.
/// </summary>
internal sealed class StagedChanges
{
    private readonly Dictionary<object, EntityState> _before;

    private StagedChanges(Dictionary<object, EntityState> before) => _before = before;

    public static StagedChanges Capture(WorkflowDbContext db) =>
        new(db.ChangeTracker.Entries().ToDictionary(e => e.Entity, e => e.State, ReferenceEqualityComparer.Instance));

    public void Undo(WorkflowDbContext db)
    {
        foreach (var entry in db.ChangeTracker.Entries().ToList())
        {
            if (!_before.TryGetValue(entry.Entity, out var state))
            {
                entry.State = EntityState.Detached;
            }
            else if (state == EntityState.Unchanged && entry.State is EntityState.Modified or EntityState.Deleted)
            {
                entry.CurrentValues.SetValues(entry.OriginalValues);
                entry.State = EntityState.Unchanged;
            }
        }
    }
}
