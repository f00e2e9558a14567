using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using SmartKiosk.TestSupport;

namespace SmartKiosk.Hosts.FunctionalTests.Infrastructure;

/// <summary>
/// A host under test with its own data folder and database (SQLite file in the data folder, or a
/// PostgreSQL database of the run's cluster).
/// </summary>
public sealed partial class HostFactory<TEntryPoint> : WebApplicationFactory<TEntryPoint>
    where TEntryPoint : class
{
    private readonly string? _postgres;
    private readonly bool _ownsData = true;

    public HostFactory(string? postgresConnectionString = null)
    {
        _postgres = postgresConnectionString;
        DataPath = Path.Combine(Path.GetTempPath(), "smartkiosk-host-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataPath);
    }

    /// <summary>A second host over another host's database and data folder (blobs, keys), as both hosts run in production.</summary>
    public HostFactory(string? postgresConnectionString, string sharedDataPath)
    {
        _postgres = postgresConnectionString;
        DataPath = sharedDataPath;
        _ownsData = false;
    }

    public string DataPath { get; }

    /// <summary>Extra configuration for the host, applied when it starts.</summary>
    public Dictionary<string, string?> Settings { get; } = new(StringComparer.Ordinal);

    /// <summary>Replaces services after the host registered its own (fault injection); set before the host is first used.</summary>
    public Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? ServiceOverrides { get; set; }

    /// <summary>
    /// Starts the host on Kestrel on a free loopback port (a real socket, as a kiosk reaches it) and
    /// makes that address the public base URL of verification and download links.
    /// </summary>
    public Uri StartOnLoopback(bool publicBaseUrl = true)
    {
        var address = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}");
        if (publicBaseUrl)
        {
            Settings["Issuance:PublicBaseUrl"] = address.ToString().TrimEnd('/');
        }
        UseKestrel(address.Port);
        StartServer();
        return address;
    }

    public HttpClient CreateBrowserlessClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Reads the password the host generated for <paramref name="userName"/> on first run.</summary>
    public string PasswordOf(string userName)
    {
        var text = File.ReadAllText(Path.Combine(DataPath, "first-run-credentials.txt"));
        return Regex.Match(text, $@"user: {userName}\s+password: (\S+)").Groups[1].Value;
    }

    /// <summary>Signs in through the real login form (antiforgery token included) and returns the signed-in client.</summary>
    /// <param name="password">An account's password; null: the first-run one.</param>
    public async Task<HttpClient> SignInAsync(string userName, string? password = null)
    {
        var client = CreateBrowserlessClient();
        var form = await client.GetStringAsync("/Account/Login");
        var token = AntiforgeryToken().Match(form).Groups[1].Value;
        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName,
            ["Password"] = password ?? PasswordOf(userName),
            ["__RequestVerificationToken"] = token,
        }));
        if ((int)response.StatusCode != 302)
        {
            throw new InvalidOperationException($"Sign-in of {userName} failed with {(int)response.StatusCode}.");
        }

        var me = await client.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>("/api/me");
        return me?["userName"]?.GetValue<string>() == userName ? client : throw new InvalidOperationException("Not signed in.");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Data:Path", DataPath);
        // One development PKI for all hosts of the run: generating it per host costs seconds each.
        builder.UseSetting("Issuance:Signing:DevelopmentKeyFolder", SharedDevelopmentPki.Folder);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        if (ServiceOverrides is { } overrides)
        {
            builder.ConfigureTestServices(overrides);
        }

        if (_postgres is not null)
        {
            builder.UseSetting("Persistence:Provider", "PostgreSql");
            builder.UseSetting("Persistence:ConnectionString", _postgres);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsData)
        {
            try
            {
                Directory.Delete(DataPath, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open by the host: the temp folder is cleaned by the OS.
            }
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
