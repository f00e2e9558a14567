using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using SmartKiosk.Activities.Issuance.Agencies;
using SmartKiosk.Activities.Issuance.Keys;
using SmartKiosk.Designer.Host.Identity;

namespace SmartKiosk.Designer.Host.Components.Admin;

/// <summary>
/// Officers' signing certificates: which one each officer signs with and until when; upload a PKCS#12,
/// go back to the default, or make the development certificate on the embedded default. The checks are
/// <see cref="OfficerCertificates"/>'s, on the server.
/// </summary>
public sealed partial class CertificatesScreen
{
    /// <summary>A certificate this close to its end is flagged: renewing one takes the CA some days.</summary>
    private static readonly TimeSpan RenewBefore = TimeSpan.FromDays(30);

    private List<Line> lines = [];
    private bool development;

    [Inject]
    private OfficerCertificates Certificates { get; set; } = default!;

    [Inject]
    private SigningKeyStore Keys { get; set; } = default!;

    [Inject]
    private AgencyDirectory Directory { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthState { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        development = Keys.UsesDevelopmentPki;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        var actor = await ActorAsync();
        var agencies = (await Directory.AgenciesAsync(CancellationToken.None)).Where(a => actor.MaySee(a.Id)).ToDictionary(a => a.Id);
        var officers = (await Directory.OfficersAsync(null, CancellationToken.None)).Where(o => agencies.ContainsKey(o.AgencyId));
        var loaded = new List<Line>();
        foreach (var officer in officers)
        {
            loaded.Add(new Line(officer, agencies[officer.AgencyId], await Certificates.DescribeAsync(officer, CancellationToken.None)));
        }

        lines = loaded;
    }

    private string? Expiry(OfficerCertificateView certificate)
    {
        var now = Time.GetUtcNow().UtcDateTime;
        return certificate.NotAfter is not { } end ? null
            : end <= now ? T["Certificates.Expired"].Value
            : end - now < RenewBefore ? T["Certificates.ExpiresSoon", (int)Math.Ceiling((end - now).TotalDays)].Value
            : null;
    }

    private static Color SourceColor(OfficerKeySource source) => source switch
    {
        OfficerKeySource.Configured or OfficerKeySource.Uploaded => Color.Success,
        OfficerKeySource.Development => Color.Warning,
        _ => Color.Error,
    };

    private async Task UploadAsync(Line line)
    {
        var title = T["Certificates.UploadFor", line.Officer.FullName].Value;
        var dialog = await Dialogs.ShowAsync<CertificateUploadDialog>(title, new DialogParameters<CertificateUploadDialog> { { d => d.Title, title } }, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is not { Canceled: false, Data: CertificateUploadDialog.Upload upload })
        {
            return;
        }

        if (await TryAsync(async () => await Certificates.UploadAsync(line.Officer, upload.Pkcs12, upload.Password, (await ActorAsync()).UserName, CancellationToken.None)) is { } view)
        {
            Snackbar.Add(T["Certificates.Uploaded", line.Officer.FullName, view.Subject ?? ""].Value, Severity.Success);
            await LoadAsync();
        }
    }

    private async Task RemoveAsync(Line line)
    {
        if (await Dialogs.ShowMessageBoxAsync(T["Certificates.Remove"], T["Certificates.RemoveText", line.Officer.FullName], yesText: T["Certificates.Remove"], cancelText: T["Clerk.Cancel"]) != true)
        {
            return;
        }

        if (await TryAsync(async () => await Certificates.RemoveUploadAsync(line.Officer, (await ActorAsync()).UserName, CancellationToken.None)) is not null)
        {
            await LoadAsync();
        }
    }

    private async Task DevelopmentAsync(Line line)
    {
        if (await TryAsync(async () => await Certificates.EnsureDevelopmentAsync(line.Officer, line.Agency, (await ActorAsync()).UserName, CancellationToken.None)) is not null)
        {
            await LoadAsync();
        }
    }

    /// <summary>Re-read on every action: a role taken away since the screen opened stops the action.</summary>
    private async Task<BackOfficeActor> ActorAsync()
    {
        var actor = BackOfficeActor.From((await AuthState).User);
        return actor.IsAdmin ? actor : throw new OfficerCertificateException("forbidden", "Only administrators change certificates.");
    }

    private async Task<TResult?> TryAsync<TResult>(Func<Task<TResult>> action)
        where TResult : class
    {
        try
        {
            return await action();
        }
        catch (OfficerCertificateException ex)
        {
            Snackbar.Add(T[$"Certificates.Error.{ex.Code}", OfficerCertificates.MaxPkcs12Bytes / 1024] is { ResourceNotFound: false } known ? known.Value : ex.Message, Severity.Error);
            return null;
        }
    }

    private sealed record Line(Officer Officer, Agency Agency, OfficerCertificateView Certificate)
    {
        public string AgencyName => Agency.Name;
    }
}
