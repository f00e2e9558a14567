using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SmartKiosk.Designer.Host.Identity;
using SmartKiosk.Designer.Host.Resources;

namespace SmartKiosk.Designer.Host.Pages.Account;

[AllowAnonymous]
public sealed class LoginModel(SignInManager<BackOfficeUser> signIn, IStringLocalizer<SharedResource> text, ILogger<LoginModel> logger) : PageModel
{
    [BindProperty]
    public string UserName { get; set; } = "";

    [BindProperty]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(UserName) || string.IsNullOrEmpty(Password))
        {
            Error = text["Login.Required", text[string.IsNullOrWhiteSpace(UserName) ? "Login.UserName" : "Login.Password"]];
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(UserName.Trim(), Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("User {UserName} signed in", UserName);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }

        logger.LogWarning("Failed sign-in for {UserName} (locked out: {LockedOut})", UserName, result.IsLockedOut);
        Error = result.IsLockedOut ? text["Login.LockedOut"] : text["Login.Failed"];
        return Page();
    }
}
