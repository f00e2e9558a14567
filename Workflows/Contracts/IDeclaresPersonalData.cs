using SmartKiosk.Workflows.Models;

namespace SmartKiosk.Workflows.Contracts;

/// <summary>
/// For activities whose inputs are personal data only in some uses (a SetVariable writing a personal
/// variable): names the inputs the journal must redact for this node, beyond those marked on the class.
/// </summary>
public interface IDeclaresPersonalData
{
    IEnumerable<string> PersonalInputs(WorkflowDefinition definition);
}
