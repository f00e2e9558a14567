using Microsoft.Extensions.Options;

namespace SmartKiosk.Activities.Faces.Liveness;

/// <summary>
/// Decides liveness from per-frame measures: were the asked movements made, in the asked order, by
/// one continuous face? A blink is a dip of the eye aspect ratio below the person's own open-eye
/// level followed by the eyes opening again; a head turn is the yaw ratio moving away from the
/// straight-ahead pose of the first frames.
/// </summary>
/// <remarks>
/// What this stops: a printed photo or a still image held to the camera (no blink, no turn), a
/// photo swapped for another face during the check, and a recording made for another challenge
/// order. What it does not stop: a good video replay or a deep-fake that performs the movements
/// in the right order, a mask with cut-out eyes, or an attacker who controls the camera feed.
/// The kiosk's device attestation and the officer's review are the other defences.
/// </remarks>
public sealed class LivenessEvaluator(IOptions<LivenessOptions> options)
{
    public LivenessResult Evaluate(LivenessChallenge challenge, IReadOnlyList<LivenessObservation> frames)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        ArgumentNullException.ThrowIfNull(frames);
        var settings = options.Value;
        var withFace = frames.Where(f => f.HasFace).ToList();
        LivenessResult Result(LivenessOutcome outcome, IReadOnlyList<LivenessStep> seen, params string[] reasons) =>
            new(outcome, challenge.Id, challenge.Steps, seen, withFace.Count, frames.Count, [.. reasons.Select(FaceReason.Of)]);

        if (frames.Any(f => f.FacesFound > 1 && !f.HasFace))
        {
            return Result(LivenessOutcome.Inconclusive, [], FaceReasonCodes.SeveralFaces);
        }
        if (withFace.Count < settings.MinFramesWithFace || withFace.Count < settings.MinShareWithFace * frames.Count)
        {
            return Result(LivenessOutcome.Inconclusive, [], FaceReasonCodes.TooFewFrames);
        }
        if (!IsContinuous(withFace, settings))
        {
            return Result(LivenessOutcome.NotLive, [], FaceReasonCodes.FaceChanged);
        }

        var events = Events(withFace, settings);
        var seen = events.Select(e => e.Step).ToList();
        var position = -1;
        var missing = new List<LivenessStep>();
        foreach (var step in challenge.Steps)
        {
            var next = events.FindIndex(position + 1, e => e.Step == step);
            if (next < 0)
            {
                missing.Add(step);
            }
            else
            {
                position = next;
            }
        }

        if (missing.Count == 0)
        {
            return Result(LivenessOutcome.Live, seen);
        }
        // Every movement was made, but not in the order asked: the mark of a recording.
        return challenge.Steps.All(seen.Contains)
            ? Result(LivenessOutcome.NotLive, seen, FaceReasonCodes.WrongOrder)
            : Result(LivenessOutcome.NotLive, seen, [.. missing.Select(Missing)]);
    }

    private static string Missing(LivenessStep step) => step switch
    {
        LivenessStep.Blink => FaceReasonCodes.NoBlink,
        LivenessStep.TurnLeft => FaceReasonCodes.NoTurnLeft,
        _ => FaceReasonCodes.NoTurnRight,
    };

    private static bool IsContinuous(List<LivenessObservation> frames, LivenessOptions settings)
    {
        for (var i = 1; i < frames.Count; i++)
        {
            var previous = frames[i - 1].Box!.Value;
            var current = frames[i].Box!.Value;
            var jump = Math.Sqrt(Math.Pow(current.CentreX - previous.CentreX, 2) + Math.Pow(current.CentreY - previous.CentreY, 2));
            var areaChange = Math.Max(current.Area, previous.Area) / Math.Max(1e-9, Math.Min(current.Area, previous.Area));
            if (jump > settings.MaxCentreJump * Math.Max(previous.Width, current.Width) || areaChange > settings.MaxAreaChange)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The movements in the order they were completed (a blink when the eyes reopen, a turn at its first frame).</summary>
    private static List<(LivenessStep Step, int Frame)> Events(List<LivenessObservation> frames, LivenessOptions settings)
    {
        var ratios = frames.Select(f => f.EyeAspectRatio!.Value).Order().ToList();
        var open = ratios[(int)Math.Floor(0.8 * (ratios.Count - 1))];
        var closedBelow = Math.Min(settings.ClosedAtMost, settings.ClosedShareOfOpen * open);
        var reopenedAbove = settings.ReopenedShareOfOpen * open;
        var straight = Median(frames.Take(3).Select(f => f.YawRatio!.Value));

        var events = new List<(LivenessStep, int)>();
        var eyesWereOpen = false;
        var eyesClosed = false;
        var turned = (LivenessStep?)null;
        for (var i = 0; i < frames.Count; i++)
        {
            var ratio = frames[i].EyeAspectRatio!.Value;
            if (ratio >= reopenedAbove)
            {
                if (eyesClosed)
                {
                    events.Add((LivenessStep.Blink, i));
                }
                eyesWereOpen = true;
                eyesClosed = false;
            }
            else if (ratio < closedBelow && eyesWereOpen)
            {
                eyesClosed = true;
            }

            var yaw = frames[i].YawRatio!.Value - straight;
            // Turning to one's own left moves the nose towards the image's right (a larger yaw ratio).
            var direction = yaw > settings.TurnDelta ? LivenessStep.TurnLeft
                : yaw < -settings.TurnDelta ? LivenessStep.TurnRight
                : (LivenessStep?)null;
            if (direction is not null && direction != turned)
            {
                events.Add((direction.Value, i));
            }
            turned = direction;
        }
        return events;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
