using System.Text.Json;
using System.Text.Json.Nodes;
using SmartKiosk.Activities.Fees;
using SmartKiosk.Activities.Faces;
using SmartKiosk.Activities.Faces.Liveness;
using SmartKiosk.Activities.Intake;
using SmartKiosk.Activities.Issuance;
using SmartKiosk.Activities.Recognition;
using SmartKiosk.Activities.Recognition.Findings;
using SmartKiosk.Workflows.Activities.Signals;
using SmartKiosk.Workflows.Activities.UserTasks;
using SmartKiosk.Workflows.Models;
using SmartKiosk.Workflows.Queries;
using SmartKiosk.Workflows.Serialization;

namespace SmartKiosk.Activities.Dossiers.Progress;

/// <summary>
/// Reads a dossier's progress from its workflow instance by activity type, not by node id, so an
/// administrator's own workflow reports to the kiosk as long as it uses the certification
/// activities and waits for kiosk input with <c>kiosk.*</c> signals.
/// </summary>
public static class DossierProgressReader
{
    public const string KioskSignalPrefix = "kiosk.";
    public const string ScanStage = "kiosk.scan";
    public const string RescanStage = "kiosk.rescan";
    public const string ConsentStage = "kiosk.consent";
    public const string IdentityStage = "kiosk.identity";
    public const string ConfirmationStage = "kiosk.confirmation";
    public const string PaymentStage = "kiosk.payment";

    public static DossierProgress Read(WorkflowInstanceData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var stage = data.Bookmarks
            .Where(b => b.Name == WaitForSignal.BookmarkName && b.Stimulus.StartsWith(KioskSignalPrefix, StringComparison.Ordinal))
            .Select(b => b.Stimulus)
            .FirstOrDefault();
        var waitsForOfficer = data.Bookmarks.Any(b => b.Name == UserTask.TaskBookmark);

        var recognition = Last(data, "RecogniseDocument");
        var result = recognition?["Result"];
        var fields = result?["fields"] is JsonArray array
            ? array.OfType<JsonObject>()
                .Select(f => new FieldValue(f["key"]?.GetValue<string>() ?? "", f["value"]?.GetValue<string>() ?? "", f["confidence"]?.GetValue<double>() ?? 0, Label(f["label"])))
                .ToList()
            : [];
        var quality = recognition?["QualityIssues"] is JsonArray issues ? issues.Select(i => i?.GetValue<string>() ?? "").ToList() : [];

        var findings = new List<DossierReason>();
        findings.AddRange(Reasons(Last(data, "ValidateFields")?["Findings"]));
        findings.AddRange(Reasons(Last(data, "MatchFace")?["Result"]?["reasons"]));
        findings.AddRange(Reasons(Last(data, "CheckLiveness")?["Result"]?["reasons"]));

        var fee = Last(data, nameof(CalculateFee)) is { } f2 && f2["TotalDong"] is not null
            ? new FeeView(f2["PerCopyDong"]!.GetValue<long>(), f2["TotalDong"]!.GetValue<long>(), f2["TotalText"]?.GetValue<string>() ?? "")
            : null;

        var payment = Last(data, nameof(Payments.RequestPayment)) is { } order && order["Reference"] is not null
            ? new PaymentView(order["Reference"]!.GetValue<string>(), order["QrPayload"]?.GetValue<string>() ?? "", order["Amount"]?.GetValue<long>() ?? 0, order["ExpiresAt"]?.Deserialize<DateTimeOffset?>(WorkflowJson.Options))
            : null;

        var issued = Last(data, nameof(IssueCertifiedCopy));
        var copy = issued?["VerificationCode"]?.GetValue<string>() is { Length: > 0 } code
            ? new IssuedCopyView(code, issued["VerificationUrl"]?.GetValue<string>(), issued["CopyId"]?.Deserialize<Guid?>(WorkflowJson.Options), issued["CertificationNumber"]?.GetValue<string>(), issued["Book"]?.GetValue<string>())
            : null;

        var conclusion = Last(data, nameof(ConcludeDossier));
        var concluded = conclusion?["Result"]?.Deserialize<DossierConclusion>(WorkflowJson.Options);
        var reasons = Reasons(conclusion?["Why"]);

        var status = data.Status switch
        {
            WorkflowStatus.Faulted => DossierStatus.Failed,
            WorkflowStatus.Cancelled => DossierStatus.Withdrawn,
            WorkflowStatus.Finished => concluded == DossierConclusion.Issued || (concluded is null && copy is not null) ? DossierStatus.Issued : DossierStatus.Refused,
            _ when waitsForOfficer => DossierStatus.AwaitingOfficer,
            _ => stage switch
            {
                null => DossierStatus.Processing,
                PaymentStage => DossierStatus.AwaitingPayment,
                RescanStage => DossierStatus.AwaitingRescan,
                _ => DossierStatus.Capturing,
            },
        };
        if (status == DossierStatus.AwaitingOfficer && reasons.Count == 0)
        {
            reasons = [.. findings.Where(f => f.Code != "capture-quality")];
        }

        return new DossierProgress
        {
            Status = status,
            Stage = stage,
            RecognisedType = recognition?["DocumentType"]?.GetValue<string>(),
            Fields = fields,
            QualityIssues = quality,
            Findings = findings,
            Challenge = Last(data, nameof(IssueLivenessChallenge))?["Challenge"]?.DeepClone() as JsonObject,
            Fee = fee,
            Payment = stage == PaymentStage ? payment : null,
            Copy = copy,
            Reasons = reasons,
            FaultMessage = data.Status == WorkflowStatus.Faulted ? data.FaultMessage : null,
        };
    }

    private static JsonObject? Last(WorkflowInstanceData data, string activityType) =>
        data.Outputs.LastOrDefault(o => o.ActivityType == activityType)?.Values;

    private static LocalizedText? Label(JsonNode? node) =>
        node is JsonObject label && label["vi"]?.GetValue<string>() is { } vi ? new LocalizedText(vi, label["en"]?.GetValue<string>() ?? vi) : null;

    private static List<DossierReason> Reasons(JsonNode? node) =>
        node is JsonArray array
            ? [.. array.OfType<JsonObject>().Select(r => r.Deserialize<DossierReason>(WorkflowJson.Options)).OfType<DossierReason>().Where(r => r.Code.Length > 0)]
            : [];
}
