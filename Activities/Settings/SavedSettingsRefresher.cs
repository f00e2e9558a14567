using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SmartKiosk.Activities.Dossiers.Persistence;

namespace SmartKiosk.Activities.Settings;

/// <summary>
/// Keeps <see cref="SavedSettingsProvider"/> in step with the database: reads it once before the host
/// serves (after the migrations, so the kiosk never starts on stale fees), then asks every
/// <see cref="Interval"/> whether a version was saved since (one aggregate query) — a change saved on
/// one node reaches every node within seconds. The node that saves refreshes at once.
/// </summary>
public sealed class SavedSettingsRefresher(DossierDbContextFactory factory, SavedSettingsProvider provider, TimeProvider time, ILogger<SavedSettingsRefresher> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private (long Count, long Max) _mark = (-1, -1);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await RefreshAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(Interval, time, stoppingToken);
            try
            {
                await RefreshAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The last settings read stay in force; the next pass tries again.
                logger.LogError(ex, "Reading the saved settings failed");
            }
        }
    }

    /// <summary>Reads the saved settings if a version was saved since the last read; true when they changed.</summary>
    public async Task<bool> RefreshAsync(CancellationToken cancellationToken)
    {
        await _refresh.WaitAsync(cancellationToken);
        try
        {
            await using var db = factory.Create();
            // Count and highest id together: sequence values can commit out of order, a count cannot stand still when a row lands.
            var marks = await db.SettingVersions.GroupBy(_ => 1).Select(g => new { Count = g.LongCount(), Max = g.Max(v => v.Id) }).FirstOrDefaultAsync(cancellationToken);
            var mark = marks is null ? (0L, 0L) : (marks.Count, marks.Max);
            if (mark == _mark)
            {
                return false;
            }

            var latest = await db.SettingVersions.AsNoTracking()
                .Where(v => v.Version == db.SettingVersions.Where(o => o.Section == v.Section).Max(o => o.Version))
                .Select(v => new { v.Section, v.Json, v.Version })
                .ToListAsync(cancellationToken);
            var unreadable = provider.Apply(latest
                .Select(v => SettingsSection.Find(v.Section) is { } section ? new SavedSection(section, v.Version, v.Json) : null)
                .OfType<SavedSection>());
            _mark = mark;
            logger.LogInformation("Saved settings applied: {Sections}", string.Join(", ", latest.Select(v => $"{v.Section} v{v.Version}")));
            foreach (var section in unreadable)
            {
                logger.LogError("The saved {Section} settings could not be read; the configuration files' values stay in force for them", section);
            }
            return true;
        }
        finally
        {
            _refresh.Release();
        }
    }

    public override void Dispose()
    {
        _refresh.Dispose();
        base.Dispose();
    }
}
