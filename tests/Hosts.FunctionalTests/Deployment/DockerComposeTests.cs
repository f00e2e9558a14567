using System.Diagnostics;
using SmartKiosk.TestSupport;

namespace SmartKiosk.Hosts.FunctionalTests.Deployment;

/// <summary>
/// docker/compose.yaml as Compose itself reads it (<c>docker-compose config</c>: offline, no daemon — this machine
/// has none, so the images are not built here; the same topology runs as real processes in MultiNodeTests).
/// </summary>
public sealed class DockerComposeTests
{
    private static readonly Dictionary<string, string> Secrets = new()
    {
        ["POSTGRES_PASSWORD"] = "pg-secret",
        ["BLOB_KEY"] = Convert.ToBase64String(new byte[32]),
        ["SCRAPE_TOKEN"] = "scrape-secret",
    };

    [Fact]
    public async Task The_compose_file_is_valid_with_two_replicas_of_each_host_behind_the_proxy()
    {
        var (exitCode, output) = await ComposeConfigAsync(Secrets);

        Assert.True(exitCode == 0, output);
        foreach (var service in new[] { "postgres:", "mail:", "gateway:", "backoffice:", "proxy:" })
        {
            Assert.Contains("  " + service, output, StringComparison.Ordinal);
        }
        Assert.Equal(2, output.Split("replicas: 2").Length - 1);
        Assert.Contains("Persistence__Provider: PostgreSql", output, StringComparison.Ordinal);
        Assert.Contains("Password=pg-secret", output, StringComparison.Ordinal);
        Assert.Contains("data:/data", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compose_refuses_to_start_without_the_secrets_it_is_given_from_outside()
    {
        var (exitCode, output) = await ComposeConfigAsync(new Dictionary<string, string>());

        Assert.NotEqual(0, exitCode);
        Assert.Contains("set POSTGRES_PASSWORD", output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_host_image_is_built_in_stages_and_runs_as_an_unprivileged_user()
    {
        var lines = File.ReadAllLines(RepositoryPaths.Combine("docker", "host.Dockerfile"));

        Assert.Equal(2, lines.Count(l => l.StartsWith("FROM ", StringComparison.Ordinal)));
        Assert.Equal("USER app", lines.Last(l => l.StartsWith("USER ", StringComparison.Ordinal)));
        Assert.Contains(lines, l => l.Contains("libtesseract5", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("Password", StringComparison.OrdinalIgnoreCase));
    }

    private static async Task<(int ExitCode, string Output)> ComposeConfigAsync(IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("docker-compose")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryPaths.Combine("docker"),
        };
        // An empty env file: a developer's docker/.env must not hide a missing secret.
        var emptyEnv = Path.GetTempFileName();
        foreach (var argument in new[] { "--env-file", emptyEnv, "-f", "compose.yaml", "config" })
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var name in new[] { "POSTGRES_PASSWORD", "BLOB_KEY", "SCRAPE_TOKEN" })
        {
            start.Environment.Remove(name);
        }
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("docker-compose did not start (scripts/install-prerequisites.sh installs it).");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        File.Delete(emptyEnv);
        return (process.ExitCode, await stdout + await stderr);
    }
}
