using System.Text.Json.Nodes;
using SmartKiosk.Activities.Dossiers;
using SmartKiosk.Activities.Issuance.Copies;
using SmartKiosk.Activities.Review;
using SmartKiosk.Designer.Host.Identity;
using SmartKiosk.Workflows.Audit;
using SmartKiosk.Workflows.Contracts;
using SmartKiosk.Workflows.UserTasks;

namespace SmartKiosk.Designer.Host.Review;

/// <summary>
/// Builds the review screen's model of one task from the task's form data, the dossier, the instance's
/// current pages and the audit chains. A task outside the account's agency does not exist for it.
/// </summary>
public sealed class DossierReviewReader(
    IUserTaskService tasks,
    TaskInbox inbox,
    DossierStore dossiers,
    IWorkflowInstanceQueries instances,
    ScannedPageReader pages,
    IAuditLog audit,
    TimeProvider time)
{
    /// <summary>Below this a recognised field is marked for a careful look.</summary>
    public const double LowConfidence = 0.8;

    public Task<UserTaskView> TaskAsync(BackOfficeActor actor, Guid taskId, CancellationToken cancellationToken) =>
        tasks.GetVisibleAsync(actor, taskId, cancellationToken);

    public async Task<ReviewView> ReadAsync(BackOfficeActor actor, Guid taskId, CancellationToken cancellationToken)
    {
        var task = await TaskAsync(actor, taskId, cancellationToken);
        var data = ApprovalTaskData.Read(task.FormData);
        var dossier = Guid.TryParse(task.CorrelationId, out var dossierId) ? await dossiers.GetAsync(dossierId, cancellationToken) : null;
        var disputed = data.DisputedFields ?? [];
        var fields = (data.Recognition?.Fields ?? [])
            .Where(f => f.Label is not null)
            .Select(f =>
            {
                var showsRaw = f.DoubtfulCharacters is { Count: > 0 } && !string.Equals(f.Raw, f.Value, StringComparison.Ordinal);
                return new ReviewField(f.Key, f.Label, f.Value, f.Confidence, f.Confidence < LowConfidence, f.Source, disputed.Contains(f.Key),
                    showsRaw, DoubtfulText.Segments(showsRaw ? f.Raw : f.Value, f.DoubtfulCharacters as IReadOnlyCollection<int>));
            })
            .ToList();
        var findings = (data.Findings ?? []).Select(f => new ReviewFinding(f.Code, f.Severity.ToString(), f.Field, f.Message)).ToList();
        var face = data.Face is { } m
            ? new FaceCheck(m.Outcome.ToString(), m.Distance, m.Thresholds.AcceptBelow, m.Thresholds.ReviewBelow, m.FramesUsed, [.. m.Reasons.Select(r => r.Message)])
            : null;
        var liveness = data.Liveness is { } l
            ? new LivenessCheck(l.Outcome.ToString(), [.. l.Asked.Select(s => s.ToString())], [.. l.Seen.Select(s => s.ToString())], [.. l.Reasons.Select(r => r.Message)])
            : null;
        var pageCount = dossier is { PurgedAt: null } ? (await PageAddressesAsync(task, cancellationToken)).Count : 0;
        return new ReviewView(
            inbox.Item(task, time.GetUtcNow()),
            task.Description,
            dossier is null ? null : new ReviewDossier(dossier.Id, dossier.ReceiptCode, dossier.Status, dossier.DocumentType, dossier.AgencyId, dossier.DeviceId, dossier.SubmittedAt, dossier.PurgedAt is not null),
            fields,
            findings,
            face,
            liveness,
            disputed,
            data.Fee,
            pageCount,
            Decision(task),
            await JournalAsync(task, dossier?.Id, cancellationToken));
    }

    /// <summary>
    /// One scanned page as an image (JPEG or PNG as scanned; TIFF and PDF pages rendered to PNG).
    /// Pages are numbered from 1 across the dossier's current scan files.
    /// </summary>
    public async Task<byte[]> PageAsync(BackOfficeActor actor, Guid taskId, int number, CancellationToken cancellationToken)
    {
        var task = await TaskAsync(actor, taskId, cancellationToken);
        if (Guid.TryParse(task.CorrelationId, out var dossierId) && await dossiers.GetAsync(dossierId, cancellationToken) is { PurgedAt: not null })
        {
            throw new ReviewException(ReviewError.NotFound, "The dossier's scans were deleted at the end of their retention.");
        }
        var addresses = await PageAddressesAsync(task, cancellationToken);
        if (number < 1 || number > addresses.Count)
        {
            throw new ReviewException(ReviewError.NotFound, $"The dossier has {addresses.Count} page(s), not page {number}.");
        }
        var read = await pages.ReadAsync([addresses[number - 1]], null, cancellationToken);
        return read[0].Image;
    }

    private async Task<IReadOnlyList<string>> PageAddressesAsync(UserTaskView task, CancellationToken cancellationToken)
    {
        var data = await instances.GetDataAsync(task.InstanceId, cancellationToken);
        return data?.Variables["pages"] is JsonArray list
            ? [.. list.OfType<JsonValue>().Select(v => v.TryGetValue<string>(out var s) ? s : null).OfType<string>()]
            : [];
    }

    private static ReviewDecision? Decision(UserTaskView task)
    {
        if (task.Action is not { } action)
        {
            return null;
        }
        var decision = task.FormData?["decision"] as JsonObject;
        IReadOnlyList<string> Texts(string name) => decision?[name] is JsonArray items
            ? [.. items.Select(i => i is JsonObject o ? o["field"]?.GetValue<string>() : i?.GetValue<string>()).OfType<string>()]
            : [];
        return new ReviewDecision(action, task.CompletedBy, task.CompletedAt, Texts("corrections"), Texts("grounds"), decision?["note"]?.GetValue<string>());
    }

    private async Task<IReadOnlyList<JournalLine>> JournalAsync(UserTaskView task, Guid? dossierId, CancellationToken cancellationToken)
    {
        var lines = new List<JournalLine>();
        if (dossierId is { } id)
        {
            lines.AddRange((await audit.ReadAsync(AuditSubjects.Dossier, id.ToString(), cancellationToken)).Select(e => new JournalLine(e.OccurredAt, "dossier", e.Action, e.Actor)));
        }
        lines.AddRange((await audit.ReadAsync(AuditSubjects.Task, task.Id.ToString(), cancellationToken)).Select(e => new JournalLine(e.OccurredAt, "task", e.Action, e.Actor)));
        return [.. lines.OrderBy(l => l.At)];
    }
}
