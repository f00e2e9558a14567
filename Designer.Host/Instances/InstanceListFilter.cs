using SmartKiosk.Workflows.Models;

namespace SmartKiosk.Designer.Host.Instances;

/// <summary>The instance list's filters; all optional. Kiosk and document type are the dossier's.</summary>
public sealed record InstanceListFilter(
    WorkflowStatus? Status = null,
    string? DefinitionId = null,
    string? DeviceId = null,
    string? DocumentType = null,
    DateTime? CreatedFrom = null,
    DateTime? CreatedTo = null,
    int Take = 50);
