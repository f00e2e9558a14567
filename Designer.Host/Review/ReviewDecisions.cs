using System.Security.Claims;
using System.Text;
using System.Text.Json.Nodes;
using SmartKiosk.Activities.Dossiers;
using SmartKiosk.Activities.Review;
using SmartKiosk.Designer.Host.Identity;
using SmartKiosk.Workflows.Contracts;
using SmartKiosk.Workflows.Runtime;
using SmartKiosk.Workflows.UserTasks;

namespace SmartKiosk.Designer.Host.Review;

/// <summary>
/// The officer's decisions on a review task — approve (and sign), reject on stated grounds, ask for a
/// rescan — each becoming the task's outcome in the workflow. What the workflow acts on is built here,
/// on the server: who signs is the signed-in officer, the grounds come from the list, corrections are
/// checked against the recognised fields. The browser only says which.
/// </summary>
public sealed class ReviewDecisions(
    IUserTaskService tasks,
    DossierReviewReader reader,
    TaskInbox inbox,
    DossierStore dossiers,
    Reauthentication reauthentication,
    TimeProvider time,
    ILogger<ReviewDecisions> logger)
{
    public const string Approve = "Approve";
    public const string Reject = "Reject";
    public const string Rescan = "Rescan";
    public const int MaxNoteLength = 1000;
    public const int MaxValueLength = 200;
    public const int MaxBatch = 50;

    public async Task<DecisionResult> ApproveAsync(BackOfficeActor actor, Guid taskId, ApproveRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        var task = await reader.TaskAsync(actor, taskId, cancellationToken);
        Offers(task, Approve);
        var officerId = actor.OfficerFor(task);

        var offered = ApprovalTaskData.Read(task.FormData);
        var known = (offered.Recognition?.Fields ?? []).Where(f => f.Label is not null).ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        var corrections = new JsonArray();
        var audited = new JsonArray();
        foreach (var correction in request.Corrections ?? [])
        {
            if (correction.Field is null || !known.TryGetValue(correction.Field, out var before))
            {
                throw new ReviewException(ReviewError.Invalid, $"'{correction.Field}' is not a recognised field of this dossier.");
            }
            var after = Clean(correction.Value, MaxValueLength, allowNewLines: false, $"The corrected value of '{correction.Field}'");
            if (after.Length == 0)
            {
                throw new ReviewException(ReviewError.Invalid, $"The corrected value of '{correction.Field}' is empty.");
            }
            if (corrections.Any(c => c!["field"]!.GetValue<string>() == correction.Field))
            {
                throw new ReviewException(ReviewError.Invalid, $"'{correction.Field}' is corrected twice.");
            }
            if (after == before)
            {
                continue;
            }
            corrections.Add(new JsonObject { ["field"] = correction.Field, ["from"] = before, ["to"] = after });
            // The audit chain is kept for good and the values are personal data: it names the field only (a hash of
            // a date of birth or an ID number could be found again by trying them all). The values stay with the task.
            audited.Add(new JsonObject { ["field"] = correction.Field });
        }

        var result = Result(task, new JsonObject
        {
            ["action"] = Approve,
            ["officerId"] = officerId,
            ["officer"] = actor.FullName,
            ["corrections"] = corrections,
        });
        result["officerId"] = officerId;
        var view = await tasks.CompleteAsync(taskId, actor.ToTaskActor(), Approve, result, request.ExpectedRevision, request.OperationId, cancellationToken,
            new JsonObject { ["officerId"] = officerId, ["corrections"] = audited });
        logger.LogInformation("{UserName} approved task {TaskId} as officer {OfficerId} with {Corrections} correction(s)", actor.UserName, taskId, officerId, corrections.Count);
        return await ResultAsync(view, cancellationToken);
    }

    public async Task<DecisionResult> RejectAsync(BackOfficeActor actor, Guid taskId, RejectRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        var task = await reader.TaskAsync(actor, taskId, cancellationToken);
        Offers(task, Reject);
        var grounds = (request.Grounds ?? []).Distinct(StringComparer.Ordinal).ToList();
        if (grounds.Count == 0)
        {
            throw new ReviewException(ReviewError.Invalid, "Choose at least one ground for the refusal.");
        }
        if (grounds.FirstOrDefault(g => RejectionGrounds.Find(g) is null) is { } unknown)
        {
            throw new ReviewException(ReviewError.Invalid, $"'{unknown}' is not a ground for refusal.");
        }
        var note = Clean(request.Note, MaxNoteLength, allowNewLines: true, "The note");
        if (grounds.Contains(RejectionGrounds.Other) && note.Length == 0)
        {
            throw new ReviewException(ReviewError.Invalid, "Say in the note what the other reason is.");
        }

        // The citizen reads the reasons at the kiosk and in the lookup: the grounds' own words, and the officer's note as "other".
        var reasons = new JsonArray([.. grounds.Where(g => g != RejectionGrounds.Other).Select(g => (JsonNode)new JsonObject { ["code"] = g })]);
        if (note.Length > 0)
        {
            reasons.Add(new JsonObject { ["code"] = RejectionGrounds.Other, ["message"] = new JsonObject { ["vi"] = note, ["en"] = note } });
        }
        var result = Result(task, new JsonObject
        {
            ["action"] = Reject,
            ["grounds"] = new JsonArray([.. grounds.Select(g => JsonValue.Create(g))]),
            ["note"] = note.Length > 0 ? note : null,
        });
        result["reasons"] = reasons;
        var view = await tasks.CompleteAsync(taskId, actor.ToTaskActor(), Reject, result, request.ExpectedRevision, request.OperationId, cancellationToken,
            new JsonObject { ["grounds"] = new JsonArray([.. grounds.Select(g => JsonValue.Create(g))]), ["note"] = note.Length > 0 });
        logger.LogInformation("{UserName} rejected task {TaskId} on {Grounds}", actor.UserName, taskId, string.Join(", ", grounds));
        return await ResultAsync(view, cancellationToken);
    }

    public async Task<DecisionResult> RescanAsync(BackOfficeActor actor, Guid taskId, RescanRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        var task = await reader.TaskAsync(actor, taskId, cancellationToken);
        Offers(task, Rescan);
        var note = Clean(request.Note, MaxNoteLength, allowNewLines: true, "The note");
        var result = Result(task, new JsonObject { ["action"] = Rescan, ["note"] = note.Length > 0 ? note : null });
        var view = await tasks.CompleteAsync(taskId, actor.ToTaskActor(), Rescan, result, request.ExpectedRevision, request.OperationId, cancellationToken,
            new JsonObject { ["note"] = note.Length > 0 });
        logger.LogInformation("{UserName} asked for a rescan on task {TaskId}", actor.UserName, taskId);
        return await ResultAsync(view, cancellationToken);
    }

    /// <summary>
    /// Approves clear dossiers one by one, each signed on its own, after the officer confirmed their password.
    /// One that cannot be approved (changed meanwhile, doubtful, failed) is reported and the rest go on.
    /// </summary>
    public async Task<BatchResult> ApproveBatchAsync(ClaimsPrincipal principal, BackOfficeActor actor, BatchApproveRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        var items = request.Items ?? [];
        if (items.Count is 0 or > MaxBatch)
        {
            throw new ReviewException(ReviewError.Invalid, $"A batch holds 1–{MaxBatch} dossiers, not {items.Count}.");
        }
        if (string.IsNullOrWhiteSpace(request.OperationId) || request.OperationId.Length > 60)
        {
            throw new ReviewException(ReviewError.Invalid, "A batch needs an operation id of 1–60 characters.");
        }
        await reauthentication.EnsureValidAsync(principal, request.ReauthToken, cancellationToken);

        var results = new List<BatchItemResult>();
        foreach (var item in items.DistinctBy(i => i.TaskId))
        {
            try
            {
                var task = await reader.TaskAsync(actor, item.TaskId, cancellationToken);
                if (!inbox.Item(task, time.GetUtcNow()).Clear && task.Action is null)
                {
                    results.Add(new BatchItemResult(item.TaskId, false, "This dossier needs an individual review.", task.Revision));
                    continue;
                }
                var decided = await ApproveAsync(actor, item.TaskId, new ApproveRequest(item.ExpectedRevision, $"{request.OperationId}:{item.TaskId:N}"), cancellationToken);
                var approved = decided.Task.Status == Workflows.Persistence.Entities.UserTaskStatus.Completed;
                results.Add(new BatchItemResult(item.TaskId, approved, approved ? null : $"The task is {decided.Task.Status}.", decided.Task.Revision));
            }
            catch (Exception ex) when (ex is ReviewException or WorkflowRuntimeException)
            {
                results.Add(new BatchItemResult(item.TaskId, false, ex.Message, null));
            }
        }
        logger.LogInformation("{UserName} approved {Approved} of {Count} dossiers in a batch", actor.UserName, results.Count(r => r.Approved), results.Count);
        return new BatchResult(results, results.Count(r => r.Approved), results.Count(r => !r.Approved));
    }

    private static void Offers(UserTaskView task, string action)
    {
        if (!task.Actions.Contains(action, StringComparer.Ordinal))
        {
            throw new ReviewException(ReviewError.Invalid, $"This task does not offer '{action}'.");
        }
    }

    /// <summary>The task's result: the data it offered, as offered, with the decision beside it.</summary>
    private static JsonObject Result(UserTaskView task, JsonObject decision)
    {
        var result = task.FormData is JsonObject offered ? (JsonObject)offered.DeepClone() : [];
        result["decision"] = decision;
        return result;
    }

    private async Task<DecisionResult> ResultAsync(UserTaskView view, CancellationToken cancellationToken)
    {
        var dossier = Guid.TryParse(view.CorrelationId, out var id) ? await dossiers.GetAsync(id, cancellationToken) : null;
        return new DecisionResult(inbox.Item(view, time.GetUtcNow()), dossier?.Status.ToString());
    }

    /// <summary>Trims, refuses control characters and overlong text; markup is kept as text (every screen escapes it).</summary>
    private static string Clean(string? text, int max, bool allowNewLines, string what)
    {
        var trimmed = (text ?? "").Trim();
        if (trimmed.Length > max)
        {
            throw new ReviewException(ReviewError.Invalid, $"{what} is longer than {max} characters.");
        }
        if (trimmed.Any(c => char.IsControl(c) && !(allowNewLines && c is '\n' or '\r' or '\t')))
        {
            throw new ReviewException(ReviewError.Invalid, $"{what} contains control characters.");
        }
        return trimmed.Normalize(NormalizationForm.FormC);
    }
}
