using Microsoft.EntityFrameworkCore;
using SmartKiosk.TestSupport;

namespace SmartKiosk.Activities.Tests.ScaleOut;

/// <summary>
/// PostgreSQL restarted under three running nodes (fast shutdown: every connection is cut): the nodes
/// reconnect — their claims, leases and listener recover, a failed step waits on its retry timer, a
/// failed commit is run again — and every instance still finishes exactly once. A private cluster,
/// so the run's shared one is not disturbed.
/// </summary>
[Trait("Category", "MultiProcess")]
public sealed class DatabaseRestartTests : IAsyncLifetime
{
    private PrivatePostgresCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await PrivatePostgresCluster.StartAsync();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Nodes_reconnect_after_a_database_restart_and_lose_nothing()
    {
        await using var scenario = await SideEffectScenario.PrepareAsync(await _cluster.CreateDatabaseAsync("restart"), workMilliseconds: 300);
        await scenario.StartNodesAsync(3, TimeSpan.FromSeconds(3));

        var instances = await scenario.DispatchAsync(100);
        await scenario.WaitForRunsAsync(async runs => await runs.CountAsync(r => r.CompletedAt != null) >= 20, TimeSpan.FromMinutes(2));
        await _cluster.RestartAsync();
        await scenario.WaitUntilAllFinishedAsync(100, TimeSpan.FromMinutes(4));

        await scenario.AssertEachRanExactlyOnceAsync(instances, runsFinished: false);
        Assert.All(scenario.Nodes, n => Assert.False(n.HasExited));

        // The restart did hit runs in flight: some were given back and run again, or a step failed and waited on its retry timer.
        Assert.Contains(await scenario.RunsAsync(), r => r.Attempts > 1 || r.Outcome == "Suspended");
    }
}
