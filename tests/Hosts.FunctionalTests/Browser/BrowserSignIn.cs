using Microsoft.Playwright;

namespace SmartKiosk.Hosts.FunctionalTests.Browser;

/// <summary>A fresh browser profile signed in to the back office through the real login form, on a given page.</summary>
public static class BrowserSignIn
{
    public static async Task<IPage> SignInAsync(
        IBrowser browser, Uri backOffice, string userName, string password, string returnPath, string readySelector,
        string locale = "vi-VN", int width = 1440, int height = 900, float timeout = 30_000)
    {
        ArgumentNullException.ThrowIfNull(browser);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            BaseURL = backOffice.ToString(),
            Locale = locale,
            TimezoneId = "Asia/Ho_Chi_Minh",
        });
        context.SetDefaultTimeout(timeout);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login?ReturnUrl=" + Uri.EscapeDataString(returnPath));
        await page.GetByLabel(locale == "vi-VN" ? "Tên đăng nhập" : "User name").FillAsync(userName);
        await page.GetByLabel(locale == "vi-VN" ? "Mật khẩu" : "Password").FillAsync(password);
        await page.Locator("button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**" + returnPath);
        await page.Locator(readySelector).First.WaitForAsync();
        return page;
    }
}
