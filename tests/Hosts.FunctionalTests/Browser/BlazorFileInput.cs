using Microsoft.Playwright;

namespace SmartKiosk.Hosts.FunctionalTests.Browser;

/// <summary>
/// Files chosen in a Blazor <c>InputFile</c> (MudFileUpload renders one). The element is in the page before
/// Blazor's script has hooked its change event (after the render reaches the browser); a file set in between
/// is lost and the screen never hears of it. So wait for the hook first — Blazor marks the element when it does.
/// </summary>
public static class BlazorFileInput
{
    private const string Hooked =
        "el => new Promise(done => { const check = () => el._blazorInputFileNextFileId !== undefined ? done() : requestAnimationFrame(check); check(); })";

    public static async Task SetAsync(ILocator input, string path)
    {
        ArgumentNullException.ThrowIfNull(input);
        await input.EvaluateAsync(Hooked);
        await input.SetInputFilesAsync(path);
    }

    public static async Task SetAsync(ILocator input, FilePayload file)
    {
        ArgumentNullException.ThrowIfNull(input);
        await input.EvaluateAsync(Hooked);
        await input.SetInputFilesAsync(file);
    }
}
