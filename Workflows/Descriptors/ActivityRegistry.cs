using System.Collections.Frozen;
using SmartKiosk.Workflows.Contracts;

namespace SmartKiosk.Workflows.Descriptors;

/// <summary>Describes every registered activity type once; lookups afterwards are dictionary reads.</summary>
public sealed class ActivityRegistry : IActivityRegistry
{
    private readonly FrozenDictionary<string, ActivityDescriptor> _byType;

    public ActivityRegistry(ActivityTypeCatalog catalog)
    {
        var descriptors = catalog.Types.Select(ActivityDescriber.Describe).ToList();
        var duplicate = descriptors.GroupBy(d => d.Type, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException(
                $"Activity type '{duplicate.Key}' is declared by {string.Join(" and ", duplicate.Select(d => d.ClrType.FullName))}.");
        }

        All = [.. descriptors.OrderBy(d => d.Category, StringComparer.Ordinal).ThenBy(d => d.DisplayName, StringComparer.Ordinal)];
        _byType = descriptors.ToFrozenDictionary(d => d.Type, StringComparer.Ordinal);
    }

    public IReadOnlyList<ActivityDescriptor> All { get; }

    public ActivityDescriptor? Find(string type) => _byType.GetValueOrDefault(type);
}
