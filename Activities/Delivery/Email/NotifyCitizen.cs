using System.Text.Json.Nodes;
using SmartKiosk.Activities.Dossiers;
using SmartKiosk.Workflows.Attributes;
using SmartKiosk.Workflows.Contracts;
using SmartKiosk.Workflows.Runtime;

namespace SmartKiosk.Activities.Delivery.Email;

/// <summary>
/// Tells the citizen, who has usually left the kiosk, what the dossier needs from them (a new scan),
/// by e-mail to the address they gave: an outbox row in this run's commit, like the copy's e-mail. The
/// message names the receipt code that resumes the dossier at any kiosk of the agency.
/// </summary>
[Activity("NotifyCitizen", Category = "Delivery", DisplayName = "Notify the citizen", Description = "E-mails the citizen what the dossier needs from them (e.g. a rescan) and how to resume it by its receipt code.")]
[Outcomes(SendCopyByEmail.Queued, SendCopyByEmail.NoAddress)]
public sealed class NotifyCitizen(DossierStore dossiers) : Activity
{
    public const string Topic = "delivery.dossier-notice";

    [Input(Description = "The dossier, e.g. input.dossierId.", Required = true)]
    public string DossierId { get; set; } = "";

    [Input(Description = "What to tell the citizen.", DefaultJson = "\"RescanRequested\"")]
    public CitizenNotice Notice { get; set; } = CitizenNotice.RescanRequested;

    [Output(Description = "The message's Message-ID, fixed when it is queued, so a repeat is recognisable.")]
    public string? MessageId { get; set; }

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!Guid.TryParse(DossierId, out var dossierId))
        {
            return ActivityResult.Fault($"'{DossierId}' is not a dossier id.");
        }
        if ((await dossiers.GetAsync(dossierId, context.CancellationToken))?.ContactEmail is null)
        {
            return ActivityResult.Complete(SendCopyByEmail.NoAddress);
        }
        MessageId = $"{Notice.ToString().ToLowerInvariant()}.{dossierId:N}.{context.Time.GetUtcNow().ToUnixTimeMilliseconds()}@smartkiosk.local";
        context.Enqueue(Topic, new JsonObject { ["dossierId"] = dossierId.ToString(), ["notice"] = Notice.ToString(), ["messageId"] = MessageId });
        return ActivityResult.Complete(SendCopyByEmail.Queued);
    }
}

public enum CitizenNotice
{
    RescanRequested,
}
