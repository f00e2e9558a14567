using System.Globalization;
using SmartKiosk.Activities.Recognition.Extraction;
using SmartKiosk.Activities.Recognition.Findings;
using SmartKiosk.Activities.Recognition.IdCards;
using SmartKiosk.Activities.Recognition.Templates;

namespace SmartKiosk.Activities.Recognition.Validation;

/// <summary>
/// Checks extracted values against their template: required fields present, confidence above the
/// template's bar, and the template's rules (dates not in the future, expiry, the ID number's
/// encoded birth year and sex). Dates are judged in Vietnam's time zone.
/// </summary>
public sealed class FieldValidator(TimeProvider time)
{
    private static readonly TimeZoneInfo Vietnam = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    public IReadOnlyList<Finding> Validate(DocumentTemplate template, IReadOnlyList<ExtractedField> fields)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(fields);
        var findings = new List<Finding>();
        foreach (var rule in template.Fields)
        {
            var field = fields.FirstOrDefault(f => f.Key == rule.Key);
            if (field is null)
            {
                if (rule.Required)
                {
                    findings.Add(new Finding(FindingCodes.FieldMissing, FindingSeverity.Review, rule.Key, RecognitionText.Finding(FindingCodes.FieldMissing, rule.Label)));
                }
            }
            else if (field.Confidence < template.MinFieldConfidence)
            {
                findings.Add(new Finding(FindingCodes.FieldLowConfidence, FindingSeverity.Review, rule.Key, RecognitionText.Finding(FindingCodes.FieldLowConfidence, rule.Label, field.Confidence), field.Confidence));
            }
        }

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), Vietnam).DateTime);
        foreach (var validator in template.Validators)
        {
            var severity = validator.Severity == "invalid" ? FindingSeverity.Invalid : FindingSeverity.Review;
            findings.AddRange(Check(validator, template, fields, today, severity));
        }

        return findings;
    }

    private static IEnumerable<Finding> Check(ValidatorRule validator, DocumentTemplate template, IReadOnlyList<ExtractedField> fields, DateOnly today, FindingSeverity severity)
    {
        string? Value(int i) => validator.Fields.Count > i ? fields.FirstOrDefault(f => f.Key == validator.Fields[i])?.Value : null;
        LocalizedText Label(int i) => template.Fields.FirstOrDefault(f => f.Key == validator.Fields[i])?.Label ?? new LocalizedText(validator.Fields[i], validator.Fields[i]);

        switch (validator.Rule)
        {
            case "not-future":
                for (var i = 0; i < validator.Fields.Count; i++)
                {
                    if (Date(Value(i)) is { } date && date > today)
                    {
                        yield return new Finding(FindingCodes.DateInFuture, severity, validator.Fields[i], RecognitionText.Finding(FindingCodes.DateInFuture, Label(i)));
                    }
                }

                break;
            case "not-expired":
                if (Date(Value(0)) is { } expiry && expiry < today)
                {
                    yield return new Finding(FindingCodes.IdCardExpired, severity, validator.Fields[0], RecognitionText.Finding(FindingCodes.IdCardExpired, Value(0)));
                }

                break;
            case "after":
                if (Date(Value(0)) is { } later && Date(Value(1)) is { } earlier && later <= earlier)
                {
                    yield return new Finding(FindingCodes.DateOrder, severity, validator.Fields[0], RecognitionText.Finding(FindingCodes.DateOrder, Label(0), Label(1)));
                }

                break;
            case "id-number-birth":
                if (CitizenIdNumber.TryParse(Value(0)) is { } id)
                {
                    var birth = Date(Value(1));
                    var sex = Value(2);
                    if ((birth is { } b && b.Year != id.BirthYear) || (sex is not null && sex != id.Sex))
                    {
                        yield return new Finding(FindingCodes.IdNumberBirthMismatch, severity, validator.Fields[0], RecognitionText.Finding(FindingCodes.IdNumberBirthMismatch));
                    }
                }

                break;
            default:
                throw new InvalidOperationException($"Template '{template.Id}' uses an unknown validator '{validator.Rule}'.");
        }
    }

    private static DateOnly? Date(string? value) => Text.FieldDate.Parse(value);
}
