using System.Reflection;
using SmartKiosk.Workflows.Contracts;

namespace SmartKiosk.Workflows.Descriptors;

/// <summary>
/// The activity classes found in the registered assemblies. Scanning is why adding an activity
/// means writing one class: no list to edit.
/// </summary>
public sealed class ActivityTypeCatalog
{
    private readonly HashSet<Type> _types = [];

    public IReadOnlyCollection<Type> Types => _types;

    public ActivityTypeCatalog AddAssembly(Assembly assembly)
    {
        foreach (var type in assembly.GetTypes())
        {
            if (type is { IsAbstract: false, IsClass: true } && typeof(Activity).IsAssignableFrom(type) && !type.IsGenericTypeDefinition)
            {
                _types.Add(type);
            }
        }

        return this;
    }

    public ActivityTypeCatalog Add(Type type)
    {
        _types.Add(type);
        return this;
    }
}
