using SmartKiosk.Activities.Faces.Imaging;

namespace SmartKiosk.Activities.Faces.Liveness;

/// <summary>
/// Runs a liveness challenge over camera frames: one face per frame (landmarks only, no descriptor
/// per frame), then <see cref="LivenessEvaluator"/>. A frontal frame from each half of the sequence
/// must also describe the same person, so a face swapped mid-way is caught even in the same place.
/// </summary>
public sealed class LivenessChecker(FaceAnalyzer analyzer, FaceSelector selector, LivenessEvaluator evaluator)
{
    /// <summary>Descriptors of one person across a short sequence stay well below this.</summary>
    private const double SamePersonBelow = 0.6;

    public async Task<LivenessResult> CheckAsync(LivenessChallenge challenge, IReadOnlyList<RgbImage> frames, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(frames);
        var observations = new List<LivenessObservation>(frames.Count);
        var located = new List<(RgbImage Frame, LocatedFace Face)>();
        foreach (var frame in frames)
        {
            var faces = await analyzer.LocateFacesAsync(frame, selector.Options.DetectionThreshold, cancellationToken);
            if (faces.Count == 0)
            {
                observations.Add(LivenessObservation.Without(0));
                continue;
            }
            var (face, several) = selector.Choose(faces);
            if (several)
            {
                observations.Add(LivenessObservation.Without(faces.Count));
                continue;
            }
            observations.Add(LivenessObservation.Of(face, faces.Count));
            located.Add((frame, face));
        }

        var result = evaluator.Evaluate(challenge, observations);
        if (result.Outcome != LivenessOutcome.Live || located.Count < 2)
        {
            return result;
        }
        // The most frontal open-eyed frame of each half: a turned or blinking face describes poorly.
        static (RgbImage Frame, LocatedFace Face) Frontal(IEnumerable<(RgbImage Frame, LocatedFace Face)> half) =>
            half.MinBy(f => Math.Abs(f.Face.Landmarks.YawRatio) - f.Face.Landmarks.EyeAspectRatio);
        var (firstFrame, firstFace) = Frontal(located.Take(located.Count / 2));
        var (lastFrame, lastFace) = Frontal(located.Skip(located.Count / 2));
        var first = await analyzer.DescribeAsync(firstFrame, firstFace.Landmarks, cancellationToken);
        var last = await analyzer.DescribeAsync(lastFrame, lastFace.Landmarks, cancellationToken);
        return first.DistanceTo(last) < SamePersonBelow
            ? result
            : result with { Outcome = LivenessOutcome.NotLive, Reasons = [FaceReason.Of(FaceReasonCodes.FaceChanged)] };
    }
}
