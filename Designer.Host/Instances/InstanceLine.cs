using SmartKiosk.Activities.Dossiers.Persistence;
using SmartKiosk.Workflows.Queries;

namespace SmartKiosk.Designer.Host.Instances;

/// <summary>One instance in the list, with the dossier it runs (null for a workflow started through the engine API).</summary>
public sealed record InstanceLine(InstanceSummary Instance, DossierRecord? Dossier);
