using System.Text.Json;
using System.Text.Json.Nodes;
using SmartKiosk.Activities.Faces.Liveness;
using SmartKiosk.Activities.Faces.Matching;
using SmartKiosk.Activities.Recognition.Extraction;
using SmartKiosk.Activities.Recognition.Findings;
using SmartKiosk.Workflows.Serialization;

namespace SmartKiosk.Activities.Review;

/// <summary>
/// What a certification workflow offers the officer with its approval task (the task's form data):
/// the recognised fields, the findings, the face match and liveness results, the fee and the fields
/// the citizen disputed. Every part is optional: an administrator's own workflow may offer less.
/// </summary>
public sealed record ApprovalTaskData(
    string? DossierId,
    string? ReceiptCode,
    string? AgencyId,
    string? DocumentType,
    bool NeedsReview,
    RecognisedDocument? Recognition,
    IReadOnlyList<Finding>? Findings,
    FaceMatchResult? Face,
    LivenessResult? Liveness,
    long Fee,
    IReadOnlyList<string>? DisputedFields)
{
    /// <summary>Reads the form data; what does not have the expected shape is left out rather than failing the review.</summary>
    public static ApprovalTaskData Read(JsonNode? formData)
    {
        if (formData is not JsonObject data)
        {
            return Empty;
        }
        return new ApprovalTaskData(
            Text(data, "dossierId"),
            Text(data, "receiptCode"),
            Text(data, "agencyId"),
            Text(data, "documentType"),
            data["needsReview"] is JsonValue v && v.TryGetValue<bool>(out var needs) && needs,
            Part<RecognisedDocument>(data["recognition"]),
            Part<List<Finding>>(data["findings"]),
            Part<FaceMatchResult>(data["face"]),
            Part<LivenessResult>(data["liveness"]),
            data["fee"] is JsonValue fee && fee.TryGetValue<long>(out var dong) ? dong : 0,
            Part<List<string>>(data["disputedFields"]));
    }

    public static ApprovalTaskData Empty { get; } = new(null, null, null, null, false, null, null, null, null, 0, null);

    private static string? Text(JsonObject data, string name) => data[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static T? Part<T>(JsonNode? node) where T : class
    {
        if (node is null)
        {
            return null;
        }
        try
        {
            return node.Deserialize<T>(WorkflowJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }
}

/// <summary>The recognition part of the approval data: the document type recognised and its fields.</summary>
public sealed record RecognisedDocument(string? Type, IReadOnlyList<ExtractedField>? Fields);
