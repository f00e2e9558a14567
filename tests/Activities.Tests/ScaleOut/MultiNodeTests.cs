using Microsoft.EntityFrameworkCore;
using SmartKiosk.TestSupport;

namespace SmartKiosk.Activities.Tests.ScaleOut;

/// <summary>
/// Three engine nodes, each its own process, over one PostgreSQL database run 100 instances at once
/// through the shared run queue: every instance finishes exactly once and no side effect (register
/// number, blob, outbox row) shows twice — also when one node is killed with SIGKILL mid-run.
/// </summary>
[Trait("Category", "MultiProcess")]
public sealed class MultiNodeTests(PostgresDatabaseFixture<MultiNodeTests> database) : IClassFixture<PostgresDatabaseFixture<MultiNodeTests>>
{
    private const int Instances = 100;
    // Short, so a dead node's runs are taken over within seconds; a run that stalls longer than this on a
    // loaded machine (a node's first runs compile their queries) may be taken over too, which is harmless.
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Three_nodes_run_a_hundred_instances_each_exactly_once()
    {
        await using var scenario = await SideEffectScenario.PrepareAsync(await database.CreateDatabaseAsync("nodes"), workMilliseconds: 50);
        await scenario.StartNodesAsync(3, Lease);

        var instances = await scenario.DispatchAsync(Instances);
        await scenario.WaitUntilAllDoneAsync(Patience);

        await scenario.AssertEachRanExactlyOnceAsync(instances);
        var byNode = await scenario.RunsByNodeAsync();
        Assert.Equal(["node-1", "node-2", "node-3"], byNode.Keys.Order());
    }

    [Fact]
    public async Task A_node_killed_mid_run_leaves_its_runs_to_the_others()
    {
        await using var scenario = await SideEffectScenario.PrepareAsync(await database.CreateDatabaseAsync("kill"), workMilliseconds: 400);
        await scenario.StartNodesAsync(3, Lease);
        var victim = scenario.Nodes[0];

        var instances = await scenario.DispatchAsync(Instances);
        await scenario.WaitForRunsAsync(runs => runs.AnyAsync(r => r.LeaseOwner == victim.Name && r.CompletedAt == null), Patience);
        await victim.KillAsync();
        await scenario.WaitUntilAllDoneAsync(Patience);

        await scenario.AssertEachRanExactlyOnceAsync(instances);
        var runs = await scenario.RunsAsync();
        var takenOver = runs.Where(r => r.Attempts > 1).ToList();
        Assert.Contains(takenOver, r => r.LeaseOwner != victim.Name);
    }
}
