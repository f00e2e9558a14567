using SmartKiosk.Activities.Faces;
using SmartKiosk.Workflows.Contracts;
using SmartKiosk.Workflows.Descriptors;

namespace SmartKiosk.Designer.Tests.Flows;

/// <summary>The real activity registry of the back office: the engine's built-in activities and the certification ones.</summary>
internal static class Registry
{
    public static readonly IActivityRegistry Instance = new ActivityRegistry(
        new ActivityTypeCatalog().AddAssembly(typeof(Activity).Assembly).AddAssembly(typeof(MatchFace).Assembly));
}
