using SmartKiosk.Activities.Faces.Descriptors;
using SmartKiosk.Activities.Faces.Imaging;

namespace SmartKiosk.Activities.Faces.Matching;

/// <summary>
/// Compares the live captures with the ID portrait. Each side's descriptor is the mean over small
/// shifts of the chip (and, for the live side, over the usable frames): a descriptor moves by about
/// 0.05 per pixel of crop shift, so the mean steadies it against landmark jitter.
/// </summary>
public sealed class FaceMatcher(FaceSelector selector, FaceAnalyzer analyzer)
{
    /// <summary>The chip offsets averaged over: centre and one pixel each way.</summary>
    private static readonly (int X, int Y)[] Shifts = [(0, 0), (-1, 0), (1, 0), (0, -1), (0, 1)];

    /// <summary>At most this many live frames are described (the sharpest detections first).</summary>
    public const int MaxFramesUsed = 3;

    public async Task<FaceMatchResult> MatchAsync(SelectedFace portrait, IReadOnlyList<RgbImage> liveFrames, FaceMatchThresholds thresholds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(portrait);
        ArgumentNullException.ThrowIfNull(liveFrames);
        if (!portrait.IsUsable)
        {
            return Inconclusive(thresholds, 0, liveFrames.Count, portrait.Reasons);
        }

        var live = new List<SelectedFace>();
        var liveReasons = new List<string>();
        foreach (var frame in liveFrames)
        {
            var selected = await selector.SelectAsync(frame, FaceUse.LiveCapture, cancellationToken);
            if (selected.IsUsable)
            {
                live.Add(selected);
            }
            else
            {
                liveReasons.AddRange(selected.Reasons);
            }
        }
        if (live.Count == 0)
        {
            return Inconclusive(thresholds, 0, liveFrames.Count, liveReasons.Count == 0 ? [FaceReasonCodes.NoFace] : liveReasons.Distinct());
        }

        var used = live.OrderByDescending(f => f.Face!.Detection.Score).Take(MaxFramesUsed).ToList();
        var portraitDescriptor = await DescribeAsync([portrait], cancellationToken);
        var liveDescriptor = await DescribeAsync(used, cancellationToken);
        return Decide(portraitDescriptor.DistanceTo(liveDescriptor), thresholds, used.Count, liveFrames.Count);
    }

    /// <summary>The decision for a distance: below accept a match, in the band an officer's, above no match.</summary>
    public static FaceMatchResult Decide(double distance, FaceMatchThresholds thresholds, int framesUsed, int framesOffered)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        var rounded = Math.Round(distance, 4);
        var (outcome, reason) = rounded < thresholds.AcceptBelow ? (FaceMatchOutcome.Match, null)
            : rounded < thresholds.ReviewBelow ? (FaceMatchOutcome.Inconclusive, FaceReasonCodes.DistanceInReviewBand)
            : (FaceMatchOutcome.NoMatch, (string?)FaceReasonCodes.DistanceAboveThreshold);
        return new FaceMatchResult(outcome, rounded, thresholds, framesUsed, framesOffered, reason is null ? [] : [FaceReason.Of(reason)]);
    }

    /// <summary>One descriptor for usable faces of one person: the mean over the faces and the chip shifts.</summary>
    public async Task<FaceDescriptor> DescribeAsync(IReadOnlyList<SelectedFace> faces, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(faces);
        var descriptors = new List<FaceDescriptor>();
        foreach (var face in faces)
        {
            foreach (var (x, y) in Shifts)
            {
                descriptors.Add(await analyzer.DescribeAsync(face.Picture!, face.Face!.Landmarks, cancellationToken, x, y));
            }
        }
        return FaceDescriptor.Mean(descriptors);
    }

    private static FaceMatchResult Inconclusive(FaceMatchThresholds thresholds, int used, int offered, IEnumerable<string> reasons) =>
        new(FaceMatchOutcome.Inconclusive, null, thresholds, used, offered, [.. reasons.Distinct().Select(FaceReason.Of)]);
}
