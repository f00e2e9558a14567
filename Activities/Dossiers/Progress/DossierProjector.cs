using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using SmartKiosk.Activities.Dossiers.Persistence;
using SmartKiosk.Workflows.Contracts;

namespace SmartKiosk.Activities.Dossiers.Progress;

/// <summary>
/// Keeps each dossier's row in step with its workflow instance: after every committed run (on
/// whichever node ran it) the status, stage, reasons and result are re-read from the instance and a
/// change is saved with its audit entry. Re-reading makes it idempotent and self-healing: a missed
/// update is made by the next run or the next time anyone reads the dossier.
/// </summary>
public sealed class DossierProjector(DossierStore store, IWorkflowInstanceQueries instances, DossierChangeFeed feed, TimeProvider time, ILogger<DossierProjector> logger) : IWorkflowObserver
{
    public const string Actor = "workflow";

    public async ValueTask OnCommittedAsync(WorkflowCommit commit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commit);
        if (Guid.TryParse(commit.CorrelationId, out var dossierId))
        {
            await SyncAsync(dossierId, commit.InstanceId, cancellationToken);
        }
    }

    /// <summary>Brings the dossier up to date with its instance; returns both, or null when the dossier does not exist.</summary>
    public async Task<(DossierRecord Dossier, DossierProgress? Progress)?> SyncAsync(Guid dossierId, Guid? instanceId, CancellationToken cancellationToken)
    {
        var dossier = await store.GetAsync(dossierId, cancellationToken);
        if (dossier is null || dossier.InstanceId is not { } bound || (instanceId is not null && instanceId != bound))
        {
            return dossier is null ? null : (dossier, null);
        }

        var data = await instances.GetDataAsync(bound, cancellationToken);
        if (data is null)
        {
            return (dossier, null);
        }

        var progress = DossierProgressReader.Read(data);
        var reasons = progress.Reasons.Count == 0 ? null : string.Join(',', progress.Reasons.Select(r => r.Code).Distinct());
        var updated = await store.UpdateAsync(dossierId, d => Apply(d, progress, reasons), Actor, cancellationToken);
        if (updated is not null && updated.Revision != dossier.Revision)
        {
            logger.LogInformation("Dossier {DossierId} is {Status} (stage {Stage})", dossierId, updated.Status, updated.Stage);
            feed.Publish(dossierId);
        }
        return (updated ?? dossier, progress);
    }

    private DossierChange? Apply(DossierRecord d, DossierProgress progress, string? reasons)
    {
        // A dossier the gateway expired or withdrew keeps that end; the instance's cancellation follows it.
        if (d.Status.IsFinal())
        {
            return null;
        }
        var copyCode = progress.Copy?.VerificationCode;
        if (d.Status == progress.Status && d.Stage == progress.Stage && d.Reasons == reasons && d.VerificationCode == copyCode && d.FeeDong == progress.Fee?.TotalDong)
        {
            return null;
        }

        var from = d.Status;
        var stageBefore = d.Stage;
        d.Status = progress.Status;
        d.Stage = progress.Stage;
        d.Reasons = reasons;
        d.VerificationCode = copyCode;
        d.CopyId = progress.Copy?.CopyId;
        d.FeeDong = progress.Fee?.TotalDong;
        if (progress.Status != DossierStatus.Capturing)
        {
            // Once submitted, an unfinished dossier no longer expires as an abandoned session.
            d.ExpiresAt = null;
            d.SubmittedAt ??= time.GetUtcNow().UtcDateTime;
        }
        if (progress.Status.IsFinal())
        {
            d.CompletedAt = time.GetUtcNow().UtcDateTime;
        }

        var data = new JsonObject { ["from"] = from.ToString(), ["stage"] = progress.Stage };
        if (reasons is not null)
        {
            data["reasons"] = reasons;
        }
        if (copyCode is not null)
        {
            data["verificationCode"] = copyCode;
        }
        return new DossierChange(from == progress.Status ? (stageBefore != progress.Stage ? "stage-changed" : "updated") : "status-changed", data);
    }
}
