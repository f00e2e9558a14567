using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using SmartKiosk.Activities.Issuance.Agencies;
using SmartKiosk.Designer.Host.Identity;

namespace SmartKiosk.Designer.Host.Components.Admin;

/// <summary>
/// Accounts and roles: create (the first password shown once), change role and agency/officer, lock and
/// unlock, reset a password. The rules (own account, last administrator, officers signing through one
/// account only, agency-bound administrators) are <see cref="AccountAdministration"/>'s, on the server.
/// </summary>
public sealed partial class UsersScreen
{
    private List<AccountView> accounts = [];
    private IReadOnlyList<Agency> agencies = [];
    private IReadOnlyList<Officer> officers = [];
    private string? me;

    [CascadingParameter]
    private Task<AuthenticationState> AuthState { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        var actor = await ActorAsync();
        me = actor.UserName;
        agencies = [.. (await Directory.AgenciesAsync(CancellationToken.None)).Where(a => actor.MaySee(a.Id))];
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        accounts = [.. await Accounts.ListAsync(await ActorAsync(), CancellationToken.None)];
        // Only the officers of the agency an agency-bound administrator manages ever reach this circuit.
        officers = await Directory.OfficersAsync((await ActorAsync()).AgencyId, CancellationToken.None);
    }

    private string AgencyName(string id) => agencies.FirstOrDefault(a => a.Id == id)?.Name ?? id;

    private string OfficerName(string id) => officers.FirstOrDefault(o => o.Id == id)?.FullName ?? id;

    private async Task CreateAsync()
    {
        if (await AskAsync(T["Users.New"], null) is not NewAccount request)
        {
            return;
        }

        if (await TryAsync(async () => await Accounts.CreateAsync(request, await ActorAsync(), CancellationToken.None)) is { } issued)
        {
            await LoadAsync();
            await ShowPasswordAsync(issued);
        }
    }

    private async Task EditAsync(AccountView account)
    {
        if (await AskAsync(T["Users.EditOne", account.UserName], account) is not AccountChange change)
        {
            return;
        }

        if (await TryAsync(async () => await Accounts.ChangeAsync(account.Id, change, await ActorAsync(), CancellationToken.None)) is not null)
        {
            Snackbar.Add(T["Users.Saved", account.UserName].Value, Severity.Success);
            await LoadAsync();
        }
    }

    private async Task ResetAsync(AccountView account)
    {
        if (await Dialogs.ShowMessageBoxAsync(T["Users.Reset"], T["Users.ResetText", account.UserName], yesText: T["Users.Reset"], cancelText: T["Clerk.Cancel"]) != true)
        {
            return;
        }

        if (await TryAsync(async () => await Accounts.ResetPasswordAsync(account.Id, await ActorAsync(), CancellationToken.None)) is { } issued)
        {
            await ShowPasswordAsync(issued);
        }
    }

    private async Task LockAsync(AccountView account)
    {
        if (await Dialogs.ShowMessageBoxAsync(T["Users.Lock"], T["Users.LockText", account.UserName], yesText: T["Users.Lock"], cancelText: T["Clerk.Cancel"]) != true)
        {
            return;
        }

        if (await TryAsync(async () => await Accounts.LockAsync(account.Id, await ActorAsync(), CancellationToken.None)) is not null)
        {
            Snackbar.Add(T["Users.LockedOne", account.UserName].Value, Severity.Success);
            await LoadAsync();
        }
    }

    private async Task UnlockAsync(AccountView account)
    {
        if (await TryAsync(async () => await Accounts.UnlockAsync(account.Id, await ActorAsync(), CancellationToken.None)) is not null)
        {
            Snackbar.Add(T["Users.UnlockedOne", account.UserName].Value, Severity.Success);
            await LoadAsync();
        }
    }

    private async Task<object?> AskAsync(string title, AccountView? existing)
    {
        var taken = accounts.Where(a => a.OfficerId is not null).Select(a => a.OfficerId!).ToHashSet(StringComparer.Ordinal);
        var parameters = new DialogParameters<AccountDialog>
        {
            { d => d.Title, title },
            { d => d.Agencies, agencies },
            { d => d.Officers, officers },
            { d => d.TakenOfficers, taken },
            { d => d.Existing, existing },
        };
        var dialog = await Dialogs.ShowAsync<AccountDialog>(title, parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        return await dialog.Result is { Canceled: false, Data: { } data } ? data : null;
    }

    private async Task ShowPasswordAsync(IssuedPassword issued)
    {
        var title = T["Users.PasswordFor", issued.Account.UserName].Value;
        var parameters = new DialogParameters<ShownOnceDialog>
        {
            { d => d.Title, title },
            { d => d.Values, new List<(string, string)> { (T["Users.UserName"], issued.Account.UserName), (T["Users.Password"], issued.Password) } },
            { d => d.Note, T["Users.PasswordNote"].Value },
        };
        var dialog = await Dialogs.ShowAsync<ShownOnceDialog>(title, parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, BackdropClick = false, CloseOnEscapeKey = false });
        await dialog.Result;
    }

    private async Task<BackOfficeActor> ActorAsync() => BackOfficeActor.From((await AuthState).User);

    private async Task<TResult?> TryAsync<TResult>(Func<Task<TResult>> action)
        where TResult : class
    {
        try
        {
            return await action();
        }
        catch (AccountException ex)
        {
            Snackbar.Add(T[$"Users.Error.{ex.Code}"] is { ResourceNotFound: false } known ? known.Value : ex.Message, Severity.Error);
            return null;
        }
    }
}
