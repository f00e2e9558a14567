using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SmartKiosk.Activities.Dossiers;
using SmartKiosk.Activities.Hosting;
using SmartKiosk.Samples.KioskSimulator.Load;
using SmartKiosk.Workflows.Contracts;

namespace SmartKiosk.Benchmarks.Kiosk;

/// <summary>
/// Where the time went, from the engine's journal of each issued dossier (read from the gateway's
/// database after the run): mean and p95 milliseconds per activity type, and the server's time from
/// the dossier's creation to its end.
/// </summary>
public sealed record JournalBreakdown(IReadOnlyList<StepTime> Steps, IReadOnlyDictionary<string, double> ServerMs, int Dossiers)
{
    /// <param name="settings">How to reach the gateway's data: its data folder (<c>Data:Path</c>) and, on PostgreSQL, its persistence settings.</param>
    public static async Task<JournalBreakdown> ReadAsync(IReadOnlyDictionary<string, string?> settings, IEnumerable<Guid> dossierIds, CancellationToken cancellationToken)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        await using var services = new ServiceCollection().AddLogging().AddSmartKioskCore(configuration).BuildServiceProvider();
        var store = services.GetRequiredService<DossierStore>();
        var instances = services.GetRequiredService<IWorkflowInstanceQueries>();
        var durations = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        var server = new List<double>();
        foreach (var id in dossierIds)
        {
            var dossier = await store.GetAsync(id, cancellationToken);
            if (dossier?.InstanceId is not { } instanceId || dossier.CompletedAt is not { } completed)
            {
                continue;
            }
            server.Add((completed - dossier.CreatedAt).TotalMilliseconds);
            foreach (var entry in await instances.GetJournalAsync(instanceId, cancellationToken))
            {
                if (!durations.TryGetValue(entry.ActivityType, out var list))
                {
                    durations[entry.ActivityType] = list = [];
                }
                list.Add(entry.DurationMs);
            }
        }
        var steps = durations
            .Select(d => new StepTime(d.Key, d.Value.Count, d.Value.Average(), LoadRunner.Percentiles([.. d.Value.Order()])["p95"]))
            .OrderByDescending(s => s.MeanMs * s.Count)
            .ToList();
        return new JournalBreakdown(steps, LoadRunner.Percentiles([.. server.Order()]), server.Count);
    }
}

public sealed record StepTime(string ActivityType, int Count, double MeanMs, double P95Ms);
