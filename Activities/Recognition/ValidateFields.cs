using SmartKiosk.Activities.Recognition.Findings;
using SmartKiosk.Activities.Recognition.Templates;
using SmartKiosk.Activities.Recognition.Validation;
using SmartKiosk.Workflows.Attributes;
using SmartKiosk.Workflows.Contracts;
using SmartKiosk.Workflows.Runtime;

namespace SmartKiosk.Activities.Recognition;

/// <summary>
/// Decides whether recognised (or clerk-corrected) fields can go onto a copy: the template's
/// checks are run again on the current values, and the recognition's own findings (red flags,
/// cross-checks, type mismatch) are kept. Invalid when the original cannot be certified as it is,
/// NeedsReview when an officer must look, Valid when nothing is doubtful.
/// </summary>
[Activity("ValidateFields", Category = "Recognition", DisplayName = "Validate fields", Description = "Template checks, confidence bar and red flags: Valid, Invalid or NeedsReview, with findings.")]
[Outcomes(Valid, Invalid, NeedsReview)]
public sealed class ValidateFields(ITemplateStore templates, FieldValidator validator) : Activity
{
    public const string Valid = "Valid";
    public const string Invalid = "Invalid";
    public const string NeedsReview = "NeedsReview";

    /// <summary>Findings the validator recomputes from the values; the others are facts about the scan.</summary>
    private static readonly HashSet<string> Recomputed =
    [
        FindingCodes.FieldMissing, FindingCodes.FieldLowConfidence, FindingCodes.DateInFuture, FindingCodes.DateOrder,
        FindingCodes.IdNumberBirthMismatch, FindingCodes.IdCardExpired,
    ];

    [Input(Description = "The result of RecogniseDocument, e.g. outputs.recognise.Result.", Required = true, IsPersonalData = true)]
    public RecognitionResult? Recognition { get; set; }

    [Output(Description = "Every finding with its code, field, message (vi/en), severity and confidence; messages may quote values (an expiry date).", IsPersonalData = true)]
    public List<Finding> Findings { get; set; } = [];

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Recognition is null)
        {
            return ActivityResult.Fault("ValidateFields needs the recognition result.");
        }

        var all = await templates.GetAllAsync(context.CancellationToken);
        var template = all.FirstOrDefault(t => t.Id == Recognition.DocumentType);
        var findings = Recognition.Findings.Where(f => template is null || !Recomputed.Contains(f.Code)).ToList();
        if (template is not null)
        {
            findings.AddRange(validator.Validate(template, Recognition.Fields));
        }

        Findings = findings;
        return ActivityResult.Complete(
            findings.Any(f => f.Severity == FindingSeverity.Invalid) ? Invalid
            : findings.Any(f => f.Severity == FindingSeverity.Review) || template is null || template.IsFallback ? NeedsReview
            : Valid);
    }
}
