using Microsoft.AspNetCore.Components;
using MudBlazor;
using SmartKiosk.Activities.Dossiers.DocumentTypes;
using SmartKiosk.Activities.Recognition.Templates;
using SmartKiosk.Activities.Settings;
using SmartKiosk.Workflows.Contracts;

namespace SmartKiosk.Designer.Host.Components.Settings;

/// <summary>
/// The document types kiosks offer: names, the recognition template, pages, whether the original
/// carries the portrait, payment, auto-approval and liveness, offered or hidden, and the workflow bound
/// to each. The whole list is saved as one version (a type is hidden, never removed: dossiers refer to it).
/// </summary>
public sealed partial class DocumentTypesScreen
{
    private List<DocumentType> types = [];
    private IReadOnlyList<TemplateSummary> templates = [];
    private Dictionary<string, string> bindings = [];

    [Inject]
    private DocumentTypeCatalog Catalog { get; set; } = default!;

    [Inject]
    private TemplateLibrary Templates { get; set; } = default!;

    [Inject]
    private IWorkflowDefinitionStore Definitions { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private Microsoft.Extensions.Options.IOptions<Activities.Intake.IntakeLimits> Intake { get; set; } = default!;

    protected override SettingsSection Section => SettingsSection.DocumentTypes;

    protected override async Task ReloadAsync()
    {
        await base.ReloadAsync();
        types = [.. Catalog.All.OrderBy(t => t.Key, StringComparer.Ordinal)];
        templates = await Templates.ListAsync(CancellationToken.None);
        bindings = (await Definitions.ListBindingsAsync(CancellationToken.None)).ToDictionary(b => b.Key, b => b.DefinitionId, StringComparer.Ordinal);
    }

    private string TemplateName(string id) =>
        templates.FirstOrDefault(t => t.Id == id) is { } t ? $"{Layout.WorkspaceFormat.Text(new(t.NameVi, t.NameEn))} ({t.Id})" : id;

    /// <summary>A type's name in the reader's language.</summary>
    internal static string Name(DocumentTypeSettings settings) => Layout.WorkspaceFormat.Text(new(settings.NameVi, settings.NameEn));

    private Task AddAsync() => OpenAsync(null);

    private Task EditAsync(DocumentType type) => OpenAsync(type);

    private async Task OpenAsync(DocumentType? type)
    {
        var parameters = new DialogParameters<DocumentTypeDialog>
        {
            { d => d.Existing, type },
            { d => d.Templates, templates },
            { d => d.TakenKeys, types.Select(t => t.Key).ToHashSet(StringComparer.Ordinal) },
            { d => d.MaxPages, Intake.Value.MaxPages },
        };
        var title = type is null ? T["DocumentTypes.Add"] : T["DocumentTypes.EditOne", Name(type.Settings)];
        var dialog = await Dialogs.ShowAsync<DocumentTypeDialog>(title, parameters, new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true });
        if (await dialog.Result is not { Canceled: false, Data: DocumentType edited })
        {
            return;
        }

        var candidate = types.Where(t => t.Key != edited.Key).ToDictionary(t => t.Key, t => t.Settings, StringComparer.Ordinal);
        candidate[edited.Key] = edited.Settings;
        if (await SaveAsync((actor, version) => Library.SaveDocumentTypesAsync(candidate, version, actor, CancellationToken.None)))
        {
            await ReloadAsync();
        }
    }
}
