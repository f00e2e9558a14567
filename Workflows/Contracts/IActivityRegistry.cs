using SmartKiosk.Workflows.Descriptors;

namespace SmartKiosk.Workflows.Contracts;

/// <summary>All activity types known to this process, described once at start-up.</summary>
public interface IActivityRegistry
{
    IReadOnlyList<ActivityDescriptor> All { get; }
    ActivityDescriptor? Find(string type);
}
