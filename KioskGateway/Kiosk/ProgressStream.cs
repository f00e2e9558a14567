using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using SmartKiosk.Activities.Dossiers;
using SmartKiosk.Activities.Dossiers.Progress;

namespace SmartKiosk.KioskGateway.Kiosk;

/// <summary>
/// Server-sent events of a dossier's progress. Each event carries the whole dossier view with the
/// revision as its id, so a kiosk that reconnects with <c>Last-Event-ID</c> gets the current state if
/// it missed anything, and nothing twice. A change in this process wakes the stream at once; a
/// change made by another node is picked up by the periodic re-read.
/// </summary>
public static class ProgressStream
{
    public const string EventType = "dossier";
    private static readonly TimeSpan Reread = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan MaxDuration = TimeSpan.FromMinutes(15);

    public static async Task<IResult> StreamAsync(Guid id, HttpContext http, DossierService service, DossierViews views, DossierChangeFeed feed, TimeProvider time, CancellationToken ct)
    {
        await KioskApi.OwnAsync(id, http, service, ct);
        var lastSeen = int.TryParse(http.Request.Headers["Last-Event-ID"], NumberStyles.None, CultureInfo.InvariantCulture, out var last) ? last : 0;
        return TypedResults.ServerSentEvents(EventsAsync(id, lastSeen, service, views, feed, time, ct));
    }

    private static async IAsyncEnumerable<SseItem<DossierView>> EventsAsync(
        Guid id, int lastSeen, DossierService service, DossierViews views, DossierChangeFeed feed, TimeProvider time, [EnumeratorCancellation] CancellationToken ct)
    {
        var started = time.GetUtcNow();
        while (!ct.IsCancellationRequested && time.GetUtcNow() - started < MaxDuration)
        {
            // Subscribe before reading, so a change between the read and the wait is not missed.
            var changed = feed.NextChangeAsync(id);
            var (dossier, progress) = await service.GetAsync(id, ct);
            if (dossier.Revision > lastSeen)
            {
                lastSeen = dossier.Revision;
                yield return new SseItem<DossierView>(views.For(dossier, progress), EventType)
                {
                    EventId = dossier.Revision.ToString(CultureInfo.InvariantCulture),
                    ReconnectionInterval = TimeSpan.FromSeconds(2),
                };
            }
            if (dossier.Status.IsFinal())
            {
                yield break;
            }
            try
            {
                await changed.WaitAsync(Reread, time, ct);
            }
            catch (TimeoutException)
            {
                // Re-read: the change may have been made on another node.
            }
        }
    }
}
