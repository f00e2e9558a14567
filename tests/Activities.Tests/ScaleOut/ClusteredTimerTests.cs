using System.Text.RegularExpressions;
using SmartKiosk.TestSupport;

namespace SmartKiosk.Activities.Tests.ScaleOut;

/// <summary>
/// Quartz clustered on PostgreSQL: the timers three nodes committed are each fired once across the
/// cluster — also those scheduled by a node that is killed. A timer the dead node was firing at that
/// moment is fired again by a survivor (Quartz's job recovery; the resume is idempotent).
/// </summary>
[Trait("Category", "MultiProcess")]
public sealed partial class ClusteredTimerTests(PostgresDatabaseFixture<ClusteredTimerTests> database) : IClassFixture<PostgresDatabaseFixture<ClusteredTimerTests>>
{
    [Fact]
    public async Task Each_timer_fires_once_across_the_cluster_even_when_its_node_died()
    {
        await using var scenario = await SideEffectScenario.PrepareAsync(await database.CreateDatabaseAsync("timers"), workMilliseconds: 10, delay: TimeSpan.FromSeconds(4));
        await scenario.StartNodesAsync(3, TimeSpan.FromSeconds(3), new Dictionary<string, string>
        {
            // Only Quartz's per-timer jobs fire the timers here: the sweep (the safety net) waits longer than the test.
            ["Workflows__Timers__SweepInterval"] = "00:10:00",
            ["Workflows__Timers__ClusterCheckinInterval"] = "00:00:02",
            ["Logging__LogLevel__SmartKiosk.Workflows.Scheduling"] = "Information",
        });
        var victim = scenario.Nodes[0];

        var instances = await scenario.DispatchAsync(30);
        await scenario.WaitUntilAllDoneAsync(TimeSpan.FromMinutes(2));
        var victimRuns = (await scenario.RunsAsync()).Count(r => r.LeaseOwner == victim.Name);
        await victim.KillAsync();
        await scenario.WaitUntilAllFinishedAsync(30, TimeSpan.FromMinutes(3));

        await scenario.AssertEachRanExactlyOnceAsync(instances, runsFinished: false);

        // Every firing is logged before the timer resumes its instance; a log line may trail the commit by a moment.
        var survivors = scenario.Nodes.Where(n => n != victim).ToList();
        var victimFired = FiredTimer().Matches(await victim.ErrorsAsync()).Select(m => m.Groups[1].Value).ToList();
        List<string> survivorsFired;
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while ((survivorsFired = [.. survivors.SelectMany(n => FiredTimer().Matches(n.Log).Select(m => m.Groups[1].Value))]).Union(victimFired).Count() < 30)
        {
            await Task.Delay(100, patience.Token);
        }
        Assert.Equal(survivorsFired.Count, survivorsFired.Distinct().Count());
        Assert.Equal(30, survivorsFired.Union(victimFired).Count());
        Assert.True(victimRuns > 0, "the killed node had scheduled no timer; the test did not test a takeover");
    }

    [GeneratedRegex(@"Timer ([0-9a-f-]{36}) fired on scheduler")]
    private static partial Regex FiredTimer();
}
