using SmartKiosk.Activities.Recognition.Findings;
using SmartKiosk.Workflows.Attributes;
using SmartKiosk.Workflows.Contracts;
using SmartKiosk.Workflows.Runtime;

namespace SmartKiosk.Activities.Dossiers;

/// <summary>
/// States how the dossier ended and why, in the workflow's own commit: the kiosk, the status lookup
/// and the back office read the conclusion from here, so a refusal always carries its reasons.
/// </summary>
[Activity("ConcludeDossier", Category = "Dossiers", DisplayName = "Conclude dossier", Description = "Records the dossier's end (issued or refused) with the reasons the citizen is shown.")]
[Outcomes(ActivityResult.DoneOutcome)]
public sealed class ConcludeDossier : Activity
{
    [Input(Description = "How the dossier ends.", Required = true, DefaultJson = "\"Refused\"")]
    public DossierConclusion Conclusion { get; set; } = DossierConclusion.Refused;

    [Input(Description = "Why, e.g. outputs.validate.Findings or outputs.match.Result.reasons: each {code, field, message: {vi, en}}.", IsPersonalData = true)]
    public List<DossierReason> Reasons { get; set; } = [];

    [Input(Description = "The dossier-level reason, put first (e.g. face-mismatch); the reasons above detail it.")]
    public string? ReasonCode { get; set; }

    [Output(Description = "How the dossier ended.")]
    public DossierConclusion Result { get; set; }

    [Output(Description = "The reasons: codes and vi/en messages (a message may quote a value, e.g. an expiry date).", IsPersonalData = true)]
    public List<DossierReason> Why { get; set; } = [];

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        Result = Conclusion;
        Why = [.. Reasons.Where(r => !string.IsNullOrWhiteSpace(r.Code)).Select(r => r with { Message = r.Message ?? DossierText.Reason(r.Code) })];
        if (!string.IsNullOrWhiteSpace(ReasonCode) && !Why.Any(r => r.Code == ReasonCode))
        {
            Why.Insert(0, new DossierReason(ReasonCode, null, DossierText.Reason(ReasonCode)));
        }
        return ValueTask.FromResult(ActivityResult.Done());
    }
}

public enum DossierConclusion
{
    Issued,
    Refused,
}

/// <summary>A reason shown with a dossier's status: a code, the field it concerns, and words in Vietnamese and English.</summary>
public sealed record DossierReason(string Code, string? Field = null, LocalizedText? Message = null);
