using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SmartKiosk.Samples.KioskSimulator.Client;

/// <summary>
/// Plays the officer for demos (<c>submit --approve</c>) until the clerk workspace has its screens:
/// signs in to the back office as the demo clerk through its login form and approves the dossier's
/// task through the tasks API, exactly as the clerk's browser will.
/// </summary>
public sealed partial class BackOfficeClient(Uri designer) : IDisposable
{
    public const string CredentialsFileName = "first-run-credentials.txt";

    private readonly HttpClient _http = new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = designer };

    /// <summary>The demo clerk's password from the data folder's first-run credentials.</summary>
    public static string? PasswordOf(string dataFolder, string userName)
    {
        var path = Path.Combine(dataFolder, CredentialsFileName);
        return File.Exists(path) ? Regex.Match(File.ReadAllText(path), $@"user: {Regex.Escape(userName)}\s+password: (\S+)") is { Success: true } m ? m.Groups[1].Value : null : null;
    }

    public async Task SignInAsync(string userName, string password, CancellationToken ct)
    {
        var form = await _http.GetStringAsync("/Account/Login", ct);
        var token = AntiforgeryToken().Match(form).Groups[1].Value;
        using var response = await _http.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        }), ct);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"The back office refused the sign-in of {userName} ({(int)response.StatusCode}).");
        }
    }

    /// <summary>Approves the open task of the dossier; false when it has none.</summary>
    public async Task<bool> ApproveAsync(Guid dossierId, CancellationToken ct)
    {
        var tasks = await _http.GetFromJsonAsync<JsonArray>("/api/tasks", ct) ?? [];
        var task = tasks.OfType<JsonObject>().FirstOrDefault(t => t["correlationId"]?.GetValue<string>() == dossierId.ToString());
        if (task is null)
        {
            return false;
        }
        // The review API signs as the signed-in officer, as the clerk's screen does.
        using var response = await _http.PostAsJsonAsync(
            $"/api/reviews/{task["id"]}/approve",
            new { expectedRevision = task["revision"]!.GetValue<int>(), operationId = Guid.NewGuid().ToString("N") },
            ct);
        response.EnsureSuccessStatusCode();
        return true;
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
