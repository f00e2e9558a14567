using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartKiosk.Activities.Faces.Capture;
using SmartKiosk.Activities.Faces.Imaging;
using SmartKiosk.Workflows.Attributes;
using SmartKiosk.Workflows.Contracts;
using SmartKiosk.Workflows.Runtime;

namespace SmartKiosk.Activities.Faces.Liveness;

/// <summary>
/// Checks that the frames show one live person making the challenge's movements in order (blink
/// from the eye aspect ratio, head turns from the landmarks). Stops a printed photo or a still
/// image; does not stop a good video replay (see docs/faces.md).
/// </summary>
[Activity("CheckLiveness", Category = "Identity", DisplayName = "Check liveness", Description = "Challenge–response liveness over a short sequence of camera frames (blink, head turns).")]
[Outcomes(Live, NotLive, Inconclusive)]
public sealed class CheckLiveness(FaceCaptureReader reader, LivenessChecker checker, IOptions<LivenessOptions> options) : Activity
{
    public const string Live = "Live";
    public const string NotLive = "NotLive";
    public const string Inconclusive = "Inconclusive";

    [Input(Description = "The challenge the kiosk showed, e.g. outputs.challenge.Challenge.", Required = true)]
    public LivenessChallenge? Challenge { get; set; }

    [Input(Description = "Blob addresses of the camera frames taken while the challenge was shown, in order.", Required = true, IsPersonalData = true)]
    public List<string> Frames { get; set; } = [];

    [Input(Description = "The consent record, e.g. outputs.consent.Consent. Without a given consent no face is processed.", Required = true)]
    public BiometricConsent? Consent { get; set; }

    [Output(Description = "Outcome, the steps asked and seen, frames with a face, reasons (vi/en).")]
    public LivenessResult? Result { get; set; }

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Challenge is null)
        {
            return ActivityResult.Fault("CheckLiveness needs the challenge the kiosk showed.");
        }

        Result = await DecideAsync(Challenge, context.Time, context.CancellationToken);
        context.Logger.LogInformation(
            "Liveness {Outcome} for challenge {ChallengeId}: {FramesWithFace}/{FramesOffered} frames with a face; reasons {Reasons}",
            Result.Outcome, Result.ChallengeId, Result.FramesWithFace, Result.FramesOffered, string.Join(',', Result.Reasons.Select(r => r.Code)));
        return ActivityResult.Complete(Result.Outcome switch
        {
            LivenessOutcome.Live => Live,
            LivenessOutcome.NotLive => NotLive,
            _ => Inconclusive,
        });
    }

    private async Task<LivenessResult> DecideAsync(LivenessChallenge challenge, TimeProvider time, CancellationToken cancellationToken)
    {
        LivenessResult Refused(string reason) =>
            new(LivenessOutcome.Inconclusive, challenge.Id, challenge.Steps, [], 0, Frames.Count, [FaceReason.Of(reason)]);

        if (Consent is not { Given: true })
        {
            return Refused(FaceReasonCodes.ConsentMissing);
        }
        // Frames answering an old challenge may be a recording of an earlier session.
        if (time.GetUtcNow() - challenge.IssuedAt > options.Value.ChallengeLifetime)
        {
            return Refused(FaceReasonCodes.ChallengeExpired);
        }

        var frames = new List<RgbImage>(Frames.Count);
        foreach (var address in Frames)
        {
            if (await reader.ReadFrameAsync(address, cancellationToken) is { } frame)
            {
                frames.Add(frame);
            }
        }
        var result = await checker.CheckAsync(challenge, frames, cancellationToken);
        return result with { FramesOffered = Frames.Count };
    }
}
