using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using MudBlazor;
using SmartKiosk.Activities.Settings;
using SmartKiosk.Designer.Host.Identity;
using SmartKiosk.Designer.Host.Resources;

namespace SmartKiosk.Designer.Host.Components.Settings;

/// <summary>
/// What the settings screens share: the version in force, who may change it (an administrator bound to
/// no agency — the settings serve every agency's kiosks), and saving with the refusal's reasons shown.
/// </summary>
public abstract class SettingsScreenBase : ComponentBase
{
    [Inject]
    protected SettingsLibrary Library { get; set; } = default!;

    [Inject]
    protected ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private SavedSettingsProvider Applied { get; set; } = default!;

    // Named apart from the screens' own T (injected by _Imports) so the two do not hide each other.
    [Inject]
    private IStringLocalizer<SharedResource> Localizer { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthState { get; set; } = default!;

    protected abstract SettingsSection Section { get; }

    protected SettingsVersion Version { get; private set; } = new(0, null, null);

    protected bool MayChange { get; private set; }

    protected IReadOnlyList<SettingsProblem> Problems { get; private set; } = [];

    protected string? Message { get; private set; }

    protected bool Saving { get; private set; }

    protected override async Task OnInitializedAsync()
    {
        MayChange = BackOfficeActor.From((await AuthState).User).AdministersCity;
        await ReloadAsync();
    }

    /// <summary>
    /// Reads the version this host applied, then (in the override, after this) the values from the options: the
    /// values are then at least as new as the version, so a save made on them is refused if anything newer exists.
    /// </summary>
    protected virtual async Task ReloadAsync() =>
        Version = await Library.DescribeAsync(Section, Applied.AppliedVersion(Section), CancellationToken.None);

    /// <summary>Saves against the version the screen shows; true when saved.</summary>
    protected async Task<bool> SaveAsync(Func<string, int, Task<SettingsVersion>> save)
    {
        (Problems, Message) = ([], null);
        // The role is read again from the server's view of the account, not from when the screen opened.
        var actor = BackOfficeActor.From((await AuthState).User);
        if (!actor.AdministersCity)
        {
            Message = Localizer["Settings.NotAllowed"];
            return false;
        }

        Saving = true;
        try
        {
            Version = await save(actor.UserName, Version.Version);
            Snackbar.Add(Localizer["Settings.Saved", Version.Version].Value, Severity.Success);
            return true;
        }
        catch (SettingsException ex) when (ex.Code == "invalid")
        {
            Problems = ex.Problems;
            return false;
        }
        catch (SettingsException)
        {
            Message = Localizer["Settings.Conflict"];
            return false;
        }
        finally
        {
            Saving = false;
        }
    }
}
