using System.Text.Json.Nodes;
using SmartKiosk.Activities.Dossiers;
using SmartKiosk.Workflows.Attributes;
using SmartKiosk.Workflows.Contracts;
using SmartKiosk.Workflows.Runtime;

namespace SmartKiosk.Activities.Delivery.Email;

/// <summary>
/// Queues the e-mail that brings the citizen their copy, as an outbox row committed with this run:
/// if the workflow's step is recorded, the message will be sent (by the outbox worker, with retries),
/// and a run that is rolled back sends nothing. The address is read from the dossier when the message
/// is sent, so it never enters the workflow's state or journal.
/// </summary>
[Activity("SendCopyByEmail", Category = "Delivery", DisplayName = "E-mail the copy", Description = "Queues the e-mail with the certified copy (attached or linked) to the address the citizen gave at the kiosk.")]
[Outcomes(Queued, NoAddress)]
public sealed class SendCopyByEmail(DossierStore dossiers) : Activity
{
    public const string Queued = "Queued";
    public const string NoAddress = "NoAddress";
    public const string Topic = "delivery.email";

    [Input(Description = "The dossier whose contact address receives the copy, e.g. input.dossierId.", Required = true)]
    public string DossierId { get; set; } = "";

    [Input(Description = "The issued copy, e.g. outputs.issue.CopyId.", Required = true)]
    public Guid CopyId { get; set; }

    [Output(Description = "The message's stable Message-ID: a repeat after a crash is recognisably the same message.")]
    public string? MessageId { get; set; }

    /// <summary>What the outbox worker needs to send the copy's e-mail (the address is read at sending time).</summary>
    public static JsonObject OutboxItem(Guid dossierId, Guid copyId) =>
        new() { ["dossierId"] = dossierId.ToString(), ["copyId"] = copyId.ToString(), ["messageId"] = CopyEmail.MessageId(dossierId, copyId) };

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!Guid.TryParse(DossierId, out var dossierId))
        {
            return ActivityResult.Fault($"'{DossierId}' is not a dossier id.");
        }
        var dossier = await dossiers.GetAsync(dossierId, context.CancellationToken);
        if (dossier?.ContactEmail is null)
        {
            return ActivityResult.Complete(NoAddress);
        }

        MessageId = CopyEmail.MessageId(dossierId, CopyId);
        context.Enqueue(Topic, OutboxItem(dossierId, CopyId));
        return ActivityResult.Complete(Queued);
    }
}
