using System.Text.Json.Nodes;
using SmartKiosk.Activities.Dossiers.Persistence;
using SmartKiosk.Workflows.Models;
using SmartKiosk.Workflows.Queries;

namespace SmartKiosk.Designer.Host.Instances;

/// <summary>
/// An instance as the viewer draws it: the exact version it runs on, where it has been (journal, connections taken),
/// where it waits (bookmarks) or stopped (incidents), and its variables with personal data masked unless
/// <see cref="PersonalDataShown"/>.
/// </summary>
public sealed record InstanceDetail(
    WorkflowInstanceView Instance,
    WorkflowDefinition? Definition,
    DossierRecord? Dossier,
    IReadOnlyList<JournalEntryView> Journal,
    JsonObject Variables,
    bool PersonalDataShown);
