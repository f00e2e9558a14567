using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartKiosk.Activities.Dossiers.Codes;
using SmartKiosk.Activities.Dossiers.DocumentTypes;
using SmartKiosk.Activities.Dossiers.Persistence;
using SmartKiosk.Activities.Dossiers.Progress;
using SmartKiosk.Activities.Issuance.Persistence;
using SmartKiosk.Activities.Storage;
using SmartKiosk.Workflows.Contracts;
using SmartKiosk.Workflows.Dispatch;
using SmartKiosk.Workflows.Runtime;

namespace SmartKiosk.Activities.Dossiers;

/// <summary>
/// A dossier's life as the kiosk drives it: start (the workflow of the document type starts at once
/// and waits for the scan), uploads, the kiosk inputs the workflow waits for (delivered as
/// <c>kiosk.*</c> signals), resume by receipt code, withdrawal and expiry.
/// </summary>
public sealed class DossierService(
    DossierStore store,
    DossierProjector projector,
    IWorkflowDispatcher dispatcher,
    IWorkflowRuntime runtime,
    DocumentTypeCatalog types,
    IssuanceDbContextFactory issuance,
    IBlobStore blobs,
    Citizens.CitizenKeys citizenKeys,
    IOptions<DossierOptions> options,
    TimeProvider time,
    ILogger<DossierService> logger)
{
    /// <summary>Starts the dossier and its workflow; returns it as the kiosk first sees it.</summary>
    public async Task<(DossierRecord Dossier, DossierProgress? Progress)> StartAsync(string deviceId, string agencyId, string documentType, string idempotencyKey, CancellationToken cancellationToken)
    {
        var type = types.Find(documentType) is { Settings.Offered: true } found
            ? found
            : throw new DossierException(DossierError.UnknownDocumentType, $"Document type '{documentType}' is not offered.");

        var now = time.GetUtcNow();
        // The instance id is the dossier's from the start: if this request is abandoned mid-run, the node that
        // finishes the queued start finds the dossier bound to it.
        var instanceId = Guid.CreateVersion7(now);
        var dossier = await store.CreateAsync(
            new DossierRecord
            {
                Id = Guid.CreateVersion7(now),
                InstanceId = instanceId,
                ReceiptCode = ReceiptCode.New().Value,
                DeviceId = deviceId,
                AgencyId = agencyId,
                Service = type.Settings.Service,
                DocumentType = type.Key,
                Status = DossierStatus.Capturing,
                ExpiresAt = (now + options.Value.SessionTimeout).UtcDateTime,
            },
            "kiosk:" + deviceId,
            new JsonObject { ["deviceId"] = deviceId, ["agencyId"] = agencyId, ["documentType"] = type.Key },
            cancellationToken);

        var input = new JsonObject
        {
            ["dossierId"] = dossier.Id.ToString(),
            ["receiptCode"] = ReceiptCode.TryParse(dossier.ReceiptCode, out var receipt) ? receipt.Formatted : dossier.ReceiptCode,
            ["deviceId"] = deviceId,
            ["agencyId"] = agencyId,
            ["documentType"] = type.Key,
            ["template"] = type.Settings.Template,
            ["hasPortrait"] = type.Settings.HasPortrait,
            ["autoApprove"] = type.Settings.AutoApprove,
            ["livenessRequired"] = type.Settings.LivenessRequired,
            ["paymentRequired"] = type.Settings.PaymentRequired,
            ["officerId"] = await DutyOfficerAsync(agencyId, cancellationToken),
        };

        using var scope = logger.BeginScope(new Dictionary<string, object> { ["DossierId"] = dossier.Id });
        WorkflowRunResult run;
        try
        {
            // Through the shared queue: if this node dies mid-run, another one finishes the start.
            run = (await dispatcher.RunAsync(
                RunRequest.For(new StartWorkflowRequest { BindingKey = type.Key, CorrelationId = dossier.Id.ToString(), Input = input, IdempotencyKey = "dossier-start:" + dossier.Id, InstanceId = instanceId }),
                cancellationToken)).Single();
        }
        catch (WorkflowRuntimeException ex) when (ex.Reason == RuntimeErrorReason.NotFound)
        {
            await store.UpdateAsync(
                dossier.Id,
                d =>
                {
                    d.InstanceId = null;
                    return Change(d, DossierStatus.Failed, "no-workflow");
                },
                "kiosk:" + deviceId,
                cancellationToken);
            throw new DossierException(DossierError.NoWorkflow, $"Document type '{type.Key}' has no published workflow.");
        }

        var instances = await store.UpdateAsync(
            dossier.Id,
            d =>
            {
                d.InstanceId = run.InstanceId;
                return new DossierChange("workflow-started", new JsonObject { ["instanceId"] = run.InstanceId.ToString() });
            },
            "kiosk:" + deviceId,
            cancellationToken);
        logger.LogInformation("Dossier {DossierId} started at kiosk {DeviceId} for {DocumentType} (instance {InstanceId})", dossier.Id, deviceId, type.Key, run.InstanceId);
        return await projector.SyncAsync(dossier.Id, run.InstanceId, cancellationToken) ?? (instances ?? dossier, null);
    }

    /// <summary>The dossier and what its workflow has produced, brought up to date.</summary>
    public async Task<(DossierRecord Dossier, DossierProgress? Progress)> GetAsync(Guid dossierId, CancellationToken cancellationToken) =>
        await projector.SyncAsync(dossierId, null, cancellationToken)
        ?? throw new DossierException(DossierError.NotFound, "The dossier does not exist.");

    /// <summary>Records that a blob was uploaded for the dossier (so the retention job can delete it).</summary>
    public async Task AddUploadAsync(Guid dossierId, string sha256, string kind, string actor, CancellationToken cancellationToken)
    {
        var refused = false;
        await store.UpdateAsync(
            dossierId,
            d =>
            {
                var owned = Uploads(d);
                if (owned.Any(u => u.Sha256 == sha256 && u.Kind == kind))
                {
                    return null;
                }
                if (owned.Count >= options.Value.MaxUploads)
                {
                    refused = true;
                    return null;
                }
                owned.Add(new DossierUpload(sha256, kind));
                d.BlobsJson = JsonSerializer.Serialize(owned);
                return new DossierChange("upload-added", new JsonObject { ["kind"] = kind, ["count"] = owned.Count });
            },
            actor,
            cancellationToken);
        if (refused)
        {
            throw new DossierException(DossierError.TooManyUploads, $"The dossier holds the most uploads allowed ({options.Value.MaxUploads}).");
        }
    }

    /// <summary>
    /// Delivers a kiosk input to the workflow: <paramref name="stage"/> must be what it waits for.
    /// The run goes on until the workflow waits again (or ends); the dossier is then up to date.
    /// </summary>
    /// <param name="dossier">The dossier as the caller just read it (<see cref="GetAsync"/>): its stage decides.</param>
    public async Task<(DossierRecord Dossier, DossierProgress? Progress)> SubmitAsync(DossierRecord dossier, IReadOnlyCollection<string> stages, JsonObject payload, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        ArgumentNullException.ThrowIfNull(stages);
        if (dossier.Stage is not { } stage || !stages.Contains(stage))
        {
            throw new DossierException(DossierError.WrongStage, $"The dossier waits for {dossier.Stage ?? "nothing from the kiosk"}, not for {string.Join(" or ", stages)}.");
        }

        using var scope = logger.BeginScope(new Dictionary<string, object> { ["DossierId"] = dossier.Id });
        await dispatcher.RunAsync(RunRequest.For(new SignalRequest(stage, dossier.Id.ToString(), payload, $"{dossier.Id}:{idempotencyKey}")), cancellationToken);
        return await GetAsync(dossier.Id, cancellationToken);
    }

    /// <summary>The blobs of <paramref name="kind"/> the dossier owns, to check what a kiosk refers to.</summary>
    public static bool Owns(DossierRecord dossier, string sha256, string kind) =>
        Uploads(dossier).Any(u => u.Sha256 == sha256 && u.Kind == kind);

    public async Task SetContactEmailAsync(Guid dossierId, string? email, string actor, CancellationToken cancellationToken) =>
        await store.UpdateAsync(
            dossierId,
            d =>
            {
                if (d.ContactEmail == email)
                {
                    return null;
                }
                d.ContactEmail = email;
                d.CitizenKey = email is null ? d.CitizenKey : citizenKeys.For(email);
                return new DossierChange("contact-changed", new JsonObject { ["email"] = email is null ? "removed" : "given" });
            },
            actor,
            cancellationToken);

    /// <summary>
    /// Moves a dossier that waits for a rescan to the kiosk the citizen is now at (they usually left
    /// the first one), found by the receipt code on their receipt.
    /// </summary>
    public async Task<DossierRecord> ResumeAsync(string receiptCode, string deviceId, string agencyId, CancellationToken cancellationToken)
    {
        var found = ReceiptCode.TryParse(receiptCode, out var code) ? await store.FindByReceiptAsync(code.Value, cancellationToken) : null;
        if (found is null || found.AgencyId != agencyId)
        {
            // Another agency's dossier is not resumable here, and saying so would confirm the code exists.
            throw new DossierException(DossierError.NotFound, "No dossier has this receipt code.");
        }
        var (dossier, _) = await GetAsync(found.Id, cancellationToken);
        if (dossier.Status != DossierStatus.AwaitingRescan)
        {
            throw new DossierException(DossierError.WrongStage, "The dossier does not wait for a rescan.");
        }
        return await store.UpdateAsync(
            dossier.Id,
            d =>
            {
                if (d.DeviceId == deviceId)
                {
                    return null;
                }
                var from = d.DeviceId;
                d.DeviceId = deviceId;
                return new DossierChange("resumed", new JsonObject { ["fromDevice"] = from, ["toDevice"] = deviceId });
            },
            "kiosk:" + deviceId,
            cancellationToken) ?? dossier;
    }

    /// <summary>The citizen gave up: the instance is cancelled and the dossier withdrawn.</summary>
    public async Task<DossierRecord> WithdrawAsync(Guid dossierId, string actor, CancellationToken cancellationToken) =>
        await EndAsync(dossierId, DossierStatus.Withdrawn, "withdrawn", actor, cancellationToken);

    /// <summary>An abandoned session: the instance is cancelled, the uploads deleted, the dossier expired.</summary>
    public async Task<DossierRecord> ExpireAsync(Guid dossierId, CancellationToken cancellationToken)
    {
        var dossier = await EndAsync(dossierId, DossierStatus.Expired, "session-expired", "retention", cancellationToken);
        await PurgeAsync(dossierId, "retention", cancellationToken);
        return dossier;
    }

    /// <summary>Deletes the dossier's scans and captures (never the signed copy) and forgets the contact address.</summary>
    public async Task PurgeAsync(Guid dossierId, string actor, CancellationToken cancellationToken)
    {
        var dossier = await store.GetAsync(dossierId, cancellationToken) ?? throw new DossierException(DossierError.NotFound, "The dossier does not exist.");
        var deleted = 0;
        foreach (var upload in Uploads(dossier))
        {
            deleted += await blobs.DeleteAsync(upload.Sha256, cancellationToken) ? 1 : 0;
        }
        await store.UpdateAsync(
            dossierId,
            d =>
            {
                d.PurgedAt = time.GetUtcNow().UtcDateTime;
                d.BlobsJson = "[]";
                d.ContactEmail = null;
                return new DossierChange("purged", new JsonObject { ["blobsDeleted"] = deleted });
            },
            actor,
            cancellationToken);
    }

    private async Task<DossierRecord> EndAsync(Guid dossierId, DossierStatus status, string reason, string actor, CancellationToken cancellationToken)
    {
        var dossier = await store.GetAsync(dossierId, cancellationToken) ?? throw new DossierException(DossierError.NotFound, "The dossier does not exist.");
        if (dossier.Status.IsFinal())
        {
            return dossier;
        }
        // The dossier's end is recorded first, so the projection of the cancelled instance leaves it as it is.
        var ended = await store.UpdateAsync(dossierId, d => d.Status.IsFinal() ? null : Change(d, status, reason), actor, cancellationToken) ?? dossier;
        if (dossier.InstanceId is { } instanceId)
        {
            try
            {
                await runtime.CancelAsync(instanceId, cancellationToken);
            }
            catch (WorkflowRuntimeException ex)
            {
                logger.LogWarning(ex, "Instance {InstanceId} of dossier {DossierId} could not be cancelled", instanceId, dossierId);
            }
        }
        return ended;
    }

    private DossierChange Change(DossierRecord d, DossierStatus status, string reason)
    {
        var from = d.Status;
        d.Status = status;
        d.Stage = null;
        d.Reasons = reason;
        d.ExpiresAt = null;
        d.CompletedAt = time.GetUtcNow().UtcDateTime;
        return new DossierChange("status-changed", new JsonObject { ["from"] = from.ToString(), ["reasons"] = reason });
    }

    private async Task<string?> DutyOfficerAsync(string agencyId, CancellationToken cancellationToken)
    {
        await using var db = issuance.Create();
        return await db.Officers.AsNoTracking().Where(o => o.AgencyId == agencyId).OrderBy(o => o.Id).Select(o => o.Id).FirstOrDefaultAsync(cancellationToken);
    }

    private static List<DossierUpload> Uploads(DossierRecord dossier) =>
        JsonSerializer.Deserialize<List<DossierUpload>>(dossier.BlobsJson) ?? [];
}

/// <summary>A blob a dossier owns: its address and what it is (page, frame, id-card).</summary>
public sealed record DossierUpload(string Sha256, string Kind);
