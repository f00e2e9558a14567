using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Options;
using MudBlazor;
using SmartKiosk.Activities.Intake;
using SmartKiosk.Activities.Recognition;
using SmartKiosk.Activities.Recognition.Templates;
using SmartKiosk.Designer.Host.Identity;

namespace SmartKiosk.Designer.Host.Components.Templates;

/// <summary>
/// A recognition template's workbench: its JSON in the code editor, checked as typed on demand; a sample
/// scan run through the edited (unsaved) template with the kiosks' own recogniser, fields and findings
/// shown at once; saving makes a new version every host picks up within seconds.
/// </summary>
public sealed partial class TemplateEditorScreen
{
    private TemplateText? text;
    private string json = "";
    private IReadOnlyList<string> problems = [];
    private IReadOnlyList<TemplateSummary> history = [];
    private string? status;
    private bool isAdmin;
    private bool running;
    private RecognitionResult? trial;
    private string? trialError;
    private string? sampleName;

    [Parameter]
    public string TemplateId { get; set; } = "";

    [Inject]
    private TemplateLibrary Library { get; set; } = default!;

    [Inject]
    private TemplateTrial Trial { get; set; } = default!;

    [Inject]
    private IOptions<IntakeLimits> Limits { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthState { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        isAdmin = MayChange(BackOfficeActor.From((await AuthState).User));
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        text = await Library.GetAsync(TemplateId, CancellationToken.None);
        json = text?.Json ?? "";
        history = await Library.HistoryAsync(TemplateId, CancellationToken.None);
    }

    private DocumentTemplate? Check()
    {
        status = null;
        var (template, found) = TemplateCheck.Read(json);
        problems = template is not null && template.Id != TemplateId ? [T["Templates.IdChanged", TemplateId].Value] : found;
        if (problems.Count == 0)
        {
            status = T["Templates.Valid"];
        }

        return problems.Count == 0 ? template : null;
    }

    private async Task SaveAsync()
    {
        if (text is null || Check() is null)
        {
            return;
        }

        var user = (await AuthState).User;
        if (!MayChange(BackOfficeActor.From(user)))
        {
            problems = [T["Problem.Forbidden"].Value];
            return;
        }

        try
        {
            var saved = await Library.SaveAsync(json, text.Version, user.Identity?.Name ?? "unknown", CancellationToken.None);
            await LoadAsync();
            status = T["Templates.SavedNow", saved.Version];
        }
        catch (TemplateLibraryException ex)
        {
            problems = ex.Code == "conflict" ? [T["Templates.Conflict"].Value] : [.. ex.Problems];
        }
    }

    /// <summary>
    /// Templates serve every agency's kiosks: only an administrator bound to no agency changes them (and
    /// runs trials, which cost a recognition's CPU).
    /// </summary>
    private static bool MayChange(BackOfficeActor actor) => actor.AdministersCity;

    private async Task TryAsync(IBrowserFile? file)
    {
        (trial, trialError, sampleName) = (null, null, file?.Name);
        if (file is null || !MayChange(BackOfficeActor.From((await AuthState).User)) || Check() is not { } template)
        {
            return;
        }

        var max = Limits.Value.MaxBytes;
        if (file.Size > max)
        {
            trialError = T["Templates.SampleTooLarge", max / (1024 * 1024)];
            return;
        }

        running = true;
        try
        {
            await using var stream = file.OpenReadStream(max);
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer);
            trial = await Trial.RunAsync(template, buffer.ToArray(), CancellationToken.None);
        }
        catch (ScanRejectedException ex)
        {
            trialError = T["Templates.SampleRefused", ex.Message];
        }
        finally
        {
            running = false;
        }
    }
}
