using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using SmartKiosk.Activities.Dossiers.Persistence;
using SmartKiosk.Activities.Issuance.Agencies;
using SmartKiosk.Activities.Kiosks;
using SmartKiosk.Designer.Host.Components.Layout;
using SmartKiosk.Designer.Host.Identity;

namespace SmartKiosk.Designer.Host.Components.Admin;

/// <summary>
/// The kiosks of the agencies the account may see: register, issue or rotate the HMAC key and the
/// browser enrolment code (both shown once), disable and enable, last contact, recent dossiers.
/// Every action re-reads the account's role on the server and is audited by the registry.
/// </summary>
public sealed partial class KiosksScreen
{
    /// <summary>An active kiosk quiet for longer than this is flagged (it should at least ping daily).</summary>
    private static readonly TimeSpan SilentAfter = TimeSpan.FromHours(24);

    private List<KioskDevice> kiosks = [];
    private IReadOnlyList<Agency> agencies = [];
    private List<DossierRecord> recent = [];
    private string? openKiosk;
    private bool isAdmin;
    private BackOfficeActor actor = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthState { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        actor = BackOfficeActor.From((await AuthState).User);
        isAdmin = actor.IsAdmin;
        agencies = [.. (await Directory.AgenciesAsync(CancellationToken.None)).Where(a => actor.MaySee(a.Id))];
        await LoadAsync();
    }

    private async Task LoadAsync() =>
        kiosks = [.. (await Registry.ListAsync(CancellationToken.None)).Where(k => actor.MaySee(k.AgencyId)).OrderBy(k => k.AgencyId, StringComparer.Ordinal).ThenBy(k => k.Name, StringComparer.CurrentCulture)];

    private string AgencyName(string agencyId) => agencies.FirstOrDefault(a => a.Id == agencyId)?.Name ?? agencyId;

    private bool Silent(KioskDevice kiosk) => kiosk.LastSeenAt is not { } seen || Time.GetUtcNow().UtcDateTime - seen > SilentAfter;

    private async Task ToggleDossiersAsync(KioskDevice kiosk)
    {
        if (openKiosk == kiosk.Id)
        {
            openKiosk = null;
            return;
        }

        recent = [.. await Dossiers.ListAsync(kiosk.Id, null, actor.VisibleAgencies, null, null, 20, CancellationToken.None)];
        openKiosk = kiosk.Id;
    }

    private async Task RegisterAsync()
    {
        if (await AdministratorAsync() is not { } name)
        {
            return;
        }

        var parameters = new DialogParameters<RegisterKioskDialog> { { d => d.Agencies, agencies } };
        var dialog = await Dialogs.ShowAsync<RegisterKioskDialog>(T["Kiosks.Register"], parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is not { Canceled: false, Data: KioskRegistration registration } || !actor.MaySee(registration.AgencyId))
        {
            return;
        }

        if (await TryAsync(() => Registry.RegisterAsync(registration, name, CancellationToken.None)) is { } device)
        {
            Snackbar.Add(T["Kiosks.Registered", device.Name].Value, Severity.Success);
            await LoadAsync();
            await IssueCredentialAsync(device, confirm: false);
        }
    }

    private async Task IssueCredentialAsync(KioskDevice kiosk) => await IssueCredentialAsync(kiosk, confirm: kiosk.CredentialKind is not null);

    private async Task IssueCredentialAsync(KioskDevice kiosk, bool confirm)
    {
        if (await AdministratorAsync() is not { } name
            || (confirm && await Dialogs.ShowMessageBoxAsync(T["Kiosks.Issue"], T["Kiosks.RotateText", kiosk.Name], yesText: T["Kiosks.Issue"], cancelText: T["Clerk.Cancel"]) != true))
        {
            return;
        }

        if (await TryAsync(() => Registry.IssueSecretAsync(kiosk.Id, name, CancellationToken.None)) is { } credential)
        {
            await ShowOnceAsync(T["Kiosks.CredentialFor", kiosk.Name], [(T["Kiosks.DeviceId"], credential.DeviceId), (T["Kiosks.KeyId"], credential.KeyId), (T["Kiosks.Secret"], credential.Secret)], T["Kiosks.CredentialNote"]);
            await LoadAsync();
        }
    }

    private async Task EnrolmentCodeAsync(KioskDevice kiosk)
    {
        if (await AdministratorAsync() is not { } name
            || (kiosk.CredentialKind is not null && await Dialogs.ShowMessageBoxAsync(T["Kiosks.Enrol"], T["Kiosks.EnrolText", kiosk.Name], yesText: T["Kiosks.Enrol"], cancelText: T["Clerk.Cancel"]) != true))
        {
            return;
        }

        if (await TryAsync(() => Registry.IssueEnrolmentCodeAsync(kiosk.Id, TimeSpan.FromMinutes(30), name, CancellationToken.None)) is { } code)
        {
            await ShowOnceAsync(T["Kiosks.EnrolFor", kiosk.Name], [(T["Kiosks.Code"], code.Code)], T["Kiosks.EnrolNote", WorkspaceFormat.DateTime(code.ExpiresAt.UtcDateTime)]);
        }
    }

    private async Task SetStatusAsync(KioskDevice kiosk, KioskStatus status)
    {
        var text = status == KioskStatus.Disabled ? T["Kiosks.DisableText", kiosk.Name] : T["Kiosks.EnableText", kiosk.Name];
        var verb = status == KioskStatus.Disabled ? T["Kiosks.Disable"] : T["Kiosks.Enable"];
        if (await AdministratorAsync() is not { } name
            || await Dialogs.ShowMessageBoxAsync(verb, text, yesText: verb, cancelText: T["Clerk.Cancel"]) != true)
        {
            return;
        }

        if (await TryAsync(() => Registry.SetStatusAsync(kiosk.Id, status, name, CancellationToken.None)) is not null)
        {
            Snackbar.Add((status == KioskStatus.Disabled ? T["Kiosks.Disabled", kiosk.Name] : T["Kiosks.Enabled", kiosk.Name]).Value, Severity.Success);
            await LoadAsync();
        }
    }

    private async Task ShowOnceAsync(string title, IReadOnlyList<(string, string)> values, string note)
    {
        var parameters = new DialogParameters<ShownOnceDialog> { { d => d.Title, title }, { d => d.Values, values }, { d => d.Note, note } };
        var dialog = await Dialogs.ShowAsync<ShownOnceDialog>(title, parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, BackdropClick = false, CloseOnEscapeKey = false });
        await dialog.Result;
    }

    /// <summary>The account's name when it is (still) an administrator of the kiosk's agency; the screen may be older than a role change.</summary>
    private async Task<string?> AdministratorAsync()
    {
        var user = (await AuthState).User;
        var now = BackOfficeActor.From(user);
        if (!now.IsAdmin)
        {
            Snackbar.Add(T["Problem.Forbidden"].Value, Severity.Error);
            return null;
        }

        return user.Identity?.Name;
    }

    private async Task<TResult?> TryAsync<TResult>(Func<Task<TResult>> action)
        where TResult : class
    {
        try
        {
            return await action();
        }
        catch (KioskRegistryException ex)
        {
            Snackbar.Add(T[$"Kiosks.Error.{ex.Code}"] is { ResourceNotFound: false } known ? known.Value : ex.Message, Severity.Error);
            return null;
        }
    }
}
