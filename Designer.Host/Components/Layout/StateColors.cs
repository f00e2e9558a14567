using MudBlazor;
using SmartKiosk.Workflows.Models;
using SmartKiosk.Workflows.Persistence.Entities;

namespace SmartKiosk.Designer.Host.Components.Layout;

/// <summary>One colour per workflow version state and per instance status, the same on every screen that shows them.</summary>
public static class StateColors
{
    public static Color Of(DefinitionVersionState state) => state switch
    {
        DefinitionVersionState.Published => Color.Success,
        DefinitionVersionState.Draft => Color.Info,
        DefinitionVersionState.Retracted => Color.Error,
        _ => Color.Default,
    };

    public static Color Of(WorkflowStatus status) => status switch
    {
        WorkflowStatus.Finished => Color.Success,
        WorkflowStatus.Faulted => Color.Error,
        WorkflowStatus.Suspended => Color.Warning,
        _ => Color.Default,
    };
}
