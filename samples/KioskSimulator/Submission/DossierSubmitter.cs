using System.Diagnostics;
using System.Text.Json.Nodes;
using SmartKiosk.Samples.KioskSimulator.Client;

namespace SmartKiosk.Samples.KioskSimulator.Submission;

/// <summary>
/// Walks one kiosk session the way the touch screen does: start, upload and hand over the pages, give
/// consent, upload the face frames, confirm, then follow the progress. Each step is taken only when
/// the dossier waits for it, so a workflow without a face check (or one that asks for a rescan) is
/// followed as it is.
/// </summary>
public sealed class DossierSubmitter(KioskApiClient api)
{
    public async Task<SubmissionResult> SubmitAsync(SubmitOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        var timings = new Dictionary<string, double>();
        var total = Stopwatch.StartNew();

        var view = await Timed(timings, "start", () => api.StartAsync(options.DocumentType, ct));
        var id = Guid.Parse(view["dossierId"]!.GetValue<string>());

        var pages = new List<string>();
        foreach (var page in options.Pages)
        {
            var upload = await Timed(timings, "upload-pages", () => api.UploadAsync(id, "page", page, options.Source, ct));
            if (upload["accepted"]?.GetValue<bool>() != true)
            {
                return Result(view, timings, total, [.. (upload["issues"] as JsonArray ?? []).Select(i => i?["code"]?.GetValue<string>() ?? "")]);
            }
            pages.Add(upload["sha256"]!.GetValue<string>());
        }
        view = await Timed(timings, "scan", () => api.ScanAsync(id, pages, options.Source, ct));

        if (Stage(view) == "kiosk.consent")
        {
            view = await Timed(timings, "consent", () => api.ConsentAsync(id, options.ConsentToFaceCheck, ct));
        }
        if (Stage(view) == "kiosk.identity")
        {
            var frames = new List<string>();
            foreach (var frame in options.Frames)
            {
                frames.Add((await Timed(timings, "upload-frames", () => api.UploadAsync(id, "frame", frame, "Camera", ct)))["sha256"]!.GetValue<string>());
            }
            string? card = null;
            if (options.IdCard is { } idCard)
            {
                card = (await Timed(timings, "upload-id-card", () => api.UploadAsync(id, "id-card", idCard, options.Source, ct)))["sha256"]!.GetValue<string>();
            }
            view = await Timed(timings, "identity", () => api.IdentityAsync(id, frames, card, ct));
        }
        if (Stage(view) == "kiosk.confirmation")
        {
            view = await Timed(timings, "confirm", () => api.ConfirmAsync(id, options.Email, options.DisputedFields, ct));
        }

        if (options.Pay && Stage(view) == "kiosk.payment" && view["payment"]?["reference"]?.GetValue<string>() is { } reference)
        {
            // The citizen scans the QR code with their e-wallet; in the sandbox the simulator is that wallet.
            await Timed(timings, "payment", () => api.PayInSandboxAsync(reference, ct));
            view = await Timed(timings, "payment", () => api.GetAsync(id, ct));
        }

        if (options.ApproveAsOfficer is { } approve && view["status"]?.GetValue<string>() == "AwaitingOfficer")
        {
            await Timed(timings, "officer-approval", async () =>
            {
                await approve(id, ct);
                return view;
            });
        }

        if (options.WaitSeconds > 0 && !IsEnded(view))
        {
            var waited = Stopwatch.StartNew();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(options.WaitSeconds));
            try
            {
                await foreach (var update in api.EventsAsync(id, timeout.Token))
                {
                    view = update;
                    if (IsEnded(view))
                    {
                        break;
                    }
                }
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                // Waited long enough: report the dossier as it is now.
            }
            timings["wait"] = waited.Elapsed.TotalMilliseconds;
        }

        return Result(view, timings, total, []);
    }

    /// <summary>
    /// Follows the dossier's live progress until it reaches <paramref name="status"/> or ends, at most
    /// <paramref name="timeout"/>; returns the status it was left in (e.g. "AwaitingOfficer" once the officer's task exists).
    /// </summary>
    public async Task<string> WaitForStatusAsync(Guid dossierId, string status, TimeSpan timeout, CancellationToken ct)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
        wait.CancelAfter(timeout);
        var current = (await api.GetAsync(dossierId, ct))["status"]?.GetValue<string>() ?? "";
        try
        {
            if (current != status)
            {
                await foreach (var view in api.EventsAsync(dossierId, wait.Token))
                {
                    current = view["status"]?.GetValue<string>() ?? "";
                    if (current == status || IsEnded(view))
                    {
                        break;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // Timed out: the caller sees the status it stopped at.
        }
        return current;
    }

    public static bool IsEnded(JsonObject view) =>
        view["status"]?.GetValue<string>() is "Issued" or "Refused" or "Withdrawn" or "Expired" or "Failed";

    private static string? Stage(JsonObject view) => view["stage"]?.GetValue<string>();

    private static async Task<JsonObject> Timed(Dictionary<string, double> timings, string step, Func<Task<JsonObject>> call)
    {
        var watch = Stopwatch.StartNew();
        var result = await call();
        timings[step] = timings.GetValueOrDefault(step) + watch.Elapsed.TotalMilliseconds;
        return result;
    }

    private static SubmissionResult Result(JsonObject view, Dictionary<string, double> timings, Stopwatch total, IReadOnlyList<string> uploadIssues)
    {
        timings["total"] = total.Elapsed.TotalMilliseconds;
        var copy = view["copy"] as JsonObject;
        return new SubmissionResult
        {
            DossierId = Guid.Parse(view["dossierId"]!.GetValue<string>()),
            ReceiptCode = view["receiptCode"]?.GetValue<string>(),
            Status = uploadIssues.Count > 0 ? "UploadRejected" : view["status"]?.GetValue<string>() ?? "",
            Stage = view["stage"]?.GetValue<string>(),
            VerificationCode = copy?["verificationCode"]?.GetValue<string>(),
            VerificationUrl = copy?["verificationUrl"]?.GetValue<string>(),
            DownloadUrl = copy?["downloadUrl"]?.GetValue<string>(),
            FeeDong = view["fee"]?["totalDong"]?.GetValue<long>(),
            Fields = (view["fields"] as JsonArray ?? []).OfType<JsonObject>()
                .GroupBy(f => f["key"]!.GetValue<string>())
                .ToDictionary(g => g.Key, g => g.First()["value"]?.GetValue<string>() ?? ""),
            Findings = Lines(view["findings"]),
            Reasons = Lines(view["reasons"]),
            QualityIssues = uploadIssues.Count > 0 ? uploadIssues : [.. (view["qualityIssues"] as JsonArray ?? []).Select(q => q?["code"]?.GetValue<string>() ?? "")],
            Timings = timings,
        };
    }

    private static List<FindingLine> Lines(JsonNode? node) =>
        [.. (node as JsonArray ?? []).OfType<JsonObject>().Select(f => new FindingLine(
            f["code"]?.GetValue<string>() ?? "",
            f["field"]?.GetValue<string>(),
            f["message"]?["en"]?.GetValue<string>()))];
}
