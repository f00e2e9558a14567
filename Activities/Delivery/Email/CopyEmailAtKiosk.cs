using Microsoft.Extensions.Options;
using SmartKiosk.Activities.Dossiers;
using SmartKiosk.Activities.Dossiers.Persistence;
using SmartKiosk.Workflows.Dispatch;

namespace SmartKiosk.Activities.Delivery.Email;

/// <summary>
/// The citizen who gave no address asks, on the kiosk's result screen, for the copy by e-mail as well.
/// Only while the session is fresh (within the session timeout of the issuance) and only once: later,
/// the download link and the citizen app serve the copy, and a kiosk left unattended cannot send a
/// citizen's copy to an address of a stranger's choosing.
/// </summary>
public sealed class CopyEmailAtKiosk(DossierService service, WorkQueue queue, IOptions<DossierOptions> options, TimeProvider time)
{
    /// <param name="dossier">The dossier as the kiosk's call read it (and checked it is this kiosk's).</param>
    public async Task RequestAsync(DossierRecord dossier, string email, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        if (dossier.Status != DossierStatus.Issued || dossier.CopyId is not { } copyId)
        {
            throw new DossierException(DossierError.WrongStage, "The copy is not issued.");
        }
        if (dossier.ContactEmail is not null)
        {
            throw new DossierException(DossierError.WrongStage, "The copy is already e-mailed to the address given at the kiosk.");
        }
        if (dossier.CompletedAt is not { } completed || time.GetUtcNow().UtcDateTime - completed > options.Value.SessionTimeout)
        {
            throw new DossierException(DossierError.WrongStage, "The kiosk session is over: the download link and the citizen app serve the copy.");
        }

        // The address first, then the message: a retry after a failure between them queues the message
        // (the address is already set); a message queued twice carries one Message-ID.
        await service.SetContactEmailAsync(dossier.Id, email, actor, cancellationToken);
        await queue.EnqueueAsync(SendCopyByEmail.Topic, SendCopyByEmail.OutboxItem(dossier.Id, copyId), cancellationToken);
    }
}
