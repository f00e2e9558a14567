using Microsoft.Extensions.Logging;
using SmartKiosk.Activities.Storage;
using SmartKiosk.Workflows.Attributes;
using SmartKiosk.Workflows.Contracts;
using SmartKiosk.Workflows.Runtime;

namespace SmartKiosk.Activities.Faces;

/// <summary>
/// Deletes the camera frames of a face check once the decision no longer needs them (Decree 13/2023:
/// biometric data is kept only as long as its purpose requires). Put it after the last step that looks
/// at the frames (the match, the liveness check, an officer's review).
/// </summary>
[Activity("DeleteBiometricCaptures", Category = "Identity", DisplayName = "Delete face captures", Description = "Deletes the face-check camera frames from the blob store when the decision is made.")]
[Outcomes(ActivityResult.DoneOutcome)]
public sealed class DeleteBiometricCaptures(IBlobStore blobs) : Activity
{
    [Input(Description = "Blob addresses of the camera frames to delete.", Required = true, IsPersonalData = true)]
    public List<string> Captures { get; set; } = [];

    [Output(Description = "How many captures were deleted (already deleted ones are not counted).")]
    public int Deleted { get; set; }

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var address in Captures.Distinct(StringComparer.Ordinal))
        {
            if (await blobs.DeleteAsync(address, context.CancellationToken))
            {
                Deleted++;
            }
        }
        context.Logger.LogInformation("Deleted {Deleted} face captures of {Offered}", Deleted, Captures.Count);
        return ActivityResult.Done();
    }
}
