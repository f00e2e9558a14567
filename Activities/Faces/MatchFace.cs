using Microsoft.Extensions.Logging;
using OpenCvSharp;
using SmartKiosk.Activities.Faces.Capture;
using SmartKiosk.Activities.Faces.Imaging;
using SmartKiosk.Activities.Faces.Matching;
using SmartKiosk.Activities.Faces.Portraits;
using SmartKiosk.Activities.Recognition.Imaging;
using SmartKiosk.Workflows.Attributes;
using SmartKiosk.Workflows.Contracts;
using SmartKiosk.Workflows.Runtime;

namespace SmartKiosk.Activities.Faces;

/// <summary>
/// Compares the citizen's live camera frames with the portrait on their ID card front. Match below
/// the accept threshold, Inconclusive in the review band or when the pictures do not allow a
/// comparison (an officer looks), NoMatch above. Runs only with the citizen's consent; descriptors
/// never leave memory and nothing biometric is logged.
/// </summary>
[Activity("MatchFace", Category = "Identity", DisplayName = "Match face with ID card", Description = "Compares live camera frames with the ID card portrait (128-d face descriptors, thresholds per workflow).")]
[Outcomes(Match, NoMatch, Inconclusive)]
public sealed class MatchFace(FaceCaptureReader reader, PortraitExtractor portraits, FaceMatcher matcher) : Activity
{
    public const string Match = "Match";
    public const string NoMatch = "NoMatch";
    public const string Inconclusive = "Inconclusive";

    [Input(Description = "Blob address (SHA-256) of the ID card front the portrait is taken from.", Required = true, IsPersonalData = true)]
    public string IdCardFront { get; set; } = "";

    [Input(Description = "The ID card's document type (template id), which says where its photo is.", DefaultJson = "\"cccd-2021-front\"")]
    public string IdCardType { get; set; } = "cccd-2021-front";

    [Input(Description = "Blob addresses of the live camera frames (JPEG or PNG), best first.", Required = true, IsPersonalData = true)]
    public List<string> LiveFrames { get; set; } = [];

    [Input(Description = "The consent record, e.g. outputs.consent.Consent. Without a given consent no face is processed.", Required = true)]
    public BiometricConsent? Consent { get; set; }

    [Input(Description = "Descriptor distance below which the faces match.", DefaultJson = "0.5")]
    public double AcceptBelow { get; set; } = FaceMatchThresholds.DefaultAccept;

    [Input(Description = "Up to this distance an officer decides (review band); above it, no match.", DefaultJson = "0.55")]
    public double ReviewBelow { get; set; } = FaceMatchThresholds.DefaultReview;

    [Input(Description = "What photographed the ID card, when known.", DefaultJson = "\"Unknown\"")]
    public CaptureSource CaptureSource { get; set; } = CaptureSource.Unknown;

    [Output(Description = "Outcome, distance, thresholds, frames used and reasons (vi/en). No image, no descriptor.")]
    public FaceMatchResult? Result { get; set; }

    [Output(Description = "The descriptor distance, when a comparison was made.")]
    public double? Distance { get; set; }

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var thresholds = new FaceMatchThresholds(AcceptBelow, ReviewBelow);
        if (thresholds.Problem() is { } problem)
        {
            return ActivityResult.Fault($"MatchFace thresholds: {problem}");
        }

        Result = await DecideAsync(thresholds, context.CancellationToken);
        Distance = Result.Distance;
        context.Logger.LogInformation(
            "Face match {Outcome} at distance {Distance} (accept < {AcceptBelow}, review < {ReviewBelow}) from {FramesUsed}/{FramesOffered} frames; reasons {Reasons}",
            Result.Outcome, Result.Distance, thresholds.AcceptBelow, thresholds.ReviewBelow, Result.FramesUsed, Result.FramesOffered,
            string.Join(',', Result.Reasons.Select(r => r.Code)));
        return ActivityResult.Complete(Result.Outcome switch
        {
            FaceMatchOutcome.Match => Match,
            FaceMatchOutcome.NoMatch => NoMatch,
            _ => Inconclusive,
        });
    }

    private async Task<FaceMatchResult> DecideAsync(FaceMatchThresholds thresholds, CancellationToken cancellationToken)
    {
        FaceMatchResult Refused(string reason) =>
            new(FaceMatchOutcome.Inconclusive, null, thresholds, 0, LiveFrames.Count, [FaceReason.Of(reason)]);

        if (Consent is not { Given: true })
        {
            return Refused(FaceReasonCodes.ConsentMissing);
        }

        SelectedFace portrait;
        using (Mat? card = await reader.ReadPageAsync(IdCardFront, cancellationToken))
        {
            if (card is null)
            {
                return Refused(FaceReasonCodes.ImageUnreadable);
            }
            portrait = await portraits.ExtractAsync(card, IdCardType, CaptureSource, cancellationToken);
        }

        var frames = new List<RgbImage>();
        foreach (var address in LiveFrames)
        {
            if (await reader.ReadFrameAsync(address, cancellationToken) is { } frame)
            {
                frames.Add(frame);
            }
        }
        if (frames.Count == 0)
        {
            return Refused(LiveFrames.Count == 0 ? FaceReasonCodes.NoFace : FaceReasonCodes.ImageUnreadable);
        }
        return await matcher.MatchAsync(portrait, frames, thresholds, cancellationToken) with { FramesOffered = LiveFrames.Count };
    }
}
