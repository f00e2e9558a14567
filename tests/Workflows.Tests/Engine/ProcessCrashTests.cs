using System.Diagnostics;
using SmartKiosk.TestSupport.Activities;
using SmartKiosk.Workflows.Models;
using SmartKiosk.Workflows.Options;
using SmartKiosk.Workflows.Runtime;
using SmartKiosk.Workflows.Tests.Infrastructure;
using static SmartKiosk.Workflows.Tests.Infrastructure.Flow;

namespace SmartKiosk.Workflows.Tests.Engine;

/// <summary>
/// A real crash: a second process runs the engine and is SIGKILLed inside an activity, between
/// the activity that changed state and the commit. The database must still hold the last commit,
/// and another process must be able to resume from it.
/// </summary>
public abstract class ProcessCrashTests(DatabaseProvider provider, string connectionString) : IAsyncLifetime
{
    private EngineHarness _engine = null!;

    public async Task InitializeAsync() => _engine = await EngineHarness.StartAsync(provider, connectionString);

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public async Task A_process_killed_between_two_activities_leaves_the_last_commit_resumable()
    {
        var flow = New().Variable("stamped", false)
            .Add("wait", "WaitForSignal", Signal("approved"))
            .Add("stamp", "SetVariable", Set("stamped", "true"))
            .Add("kill", "Test.ProcessKill")
            .Add("end", "End")
            .Chain("start", "wait", "stamp", "kill", "end");
        await _engine.PublishAsync(flow.Build());
        var correlation = "kill-" + Guid.NewGuid().ToString("N");
        var started = await _engine.Runtime.StartAsync(new StartWorkflowRequest { DefinitionId = flow.Id, CorrelationId = correlation }, CancellationToken.None);
        var before = await _engine.SnapshotAsync(started.InstanceId);

        var (exitCode, output) = await RunProbeAsync(correlation, killAt: "kill");

        Assert.True(exitCode != 0, $"the probe should have been killed, but exited with 0: {output}");
        Assert.DoesNotContain("Finished", output, StringComparison.Ordinal);
        Assert.Equal(before, await _engine.SnapshotAsync(started.InstanceId));

        var (rerunExit, rerunOutput) = await RunProbeAsync(correlation, killAt: null);
        Assert.Equal(0, rerunExit);
        Assert.Equal("Finished", rerunOutput.Trim());
        var view = await _engine.Instances.GetAsync(started.InstanceId, CancellationToken.None);
        Assert.Equal(WorkflowStatus.Finished, view!.Status);
        Assert.True(view.Variables["stamped"]!.GetValue<bool>());
    }

    private async Task<(int ExitCode, string Output)> RunProbeAsync(string correlation, string? killAt)
    {
        var probe = Path.Combine(AppContext.BaseDirectory, "SmartKiosk.Workflows.CrashProbe.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "exec", probe, provider.ToString(), connectionString, "approved", correlation, "approve-" + correlation })
        {
            start.ArgumentList.Add(arg);
        }

        if (killAt is not null)
        {
            start.Environment[ProcessKill.EnvironmentVariable] = killAt;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

}

public sealed class SqliteProcessCrashTests(SqliteDatabaseFixture<SqliteProcessCrashTests> database)
    : ProcessCrashTests(DatabaseProvider.Sqlite, database.ConnectionString), IClassFixture<SqliteDatabaseFixture<SqliteProcessCrashTests>>;

public sealed class PostgreSqlProcessCrashTests(PostgresDatabaseFixture<PostgreSqlProcessCrashTests> database)
    : ProcessCrashTests(DatabaseProvider.PostgreSql, database.ConnectionString), IClassFixture<PostgresDatabaseFixture<PostgreSqlProcessCrashTests>>;
