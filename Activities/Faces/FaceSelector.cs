using Microsoft.Extensions.Options;
using SmartKiosk.Activities.Faces.Imaging;

namespace SmartKiosk.Activities.Faces;

/// <summary>
/// Picks the one face a decision is about: the largest, provided no rival of comparable size is in
/// the picture, big enough, looking at the camera with open eyes. Turns a tilted head level first.
/// </summary>
public sealed class FaceSelector(FaceAnalyzer analyzer, IOptions<FaceSelectionOptions> options)
{
    public FaceSelectionOptions Options => options.Value;

    /// <param name="use">A live capture must look at the camera with open eyes; a printed portrait is taken as it is.</param>
    public async Task<SelectedFace> SelectAsync(RgbImage image, FaceUse use, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var faces = await analyzer.LocateFacesAsync(image, settings.DetectionThreshold, cancellationToken);
        if (faces.Count == 0)
        {
            return SelectedFace.Rejected(0, FaceReasonCodes.NoFace);
        }
        var (largest, several) = Choose(faces);
        if (several)
        {
            return SelectedFace.Rejected(faces.Count, FaceReasonCodes.SeveralFaces);
        }

        var (face, picture) = await LevelAsync(image, largest, cancellationToken);
        var landmarks = face.Landmarks;
        if (landmarks.EyeSpan < settings.MinEyeSpanPixels)
        {
            return SelectedFace.Rejected(faces.Count, FaceReasonCodes.FaceTooSmall, largest);
        }
        if (use == FaceUse.LiveCapture && Math.Abs(landmarks.YawRatio) > settings.MaxYawRatio)
        {
            return SelectedFace.Rejected(faces.Count, FaceReasonCodes.FaceTurned, largest);
        }
        if (use == FaceUse.LiveCapture && landmarks.EyeAspectRatio < settings.ClosedEyeAspectRatio)
        {
            return SelectedFace.Rejected(faces.Count, FaceReasonCodes.EyesClosed, largest);
        }
        return new SelectedFace(face, picture, faces.Count, []);
    }

    /// <summary>
    /// The face a picture is about: the largest of the confidently detected faces (a low threshold
    /// also yields large false detections, which must not win on size), or the best-scored face when
    /// none is confident. Several when another confident face is of comparable size.
    /// </summary>
    public (LocatedFace Face, bool Several) Choose(IReadOnlyList<LocatedFace> faces)
    {
        ArgumentOutOfRangeException.ThrowIfZero(faces.Count);
        var settings = options.Value;
        var confident = faces.Where(f => f.Detection.Score >= settings.ConfidentScore).ToList();
        if (confident.Count == 0)
        {
            return (faces.MaxBy(f => f.Detection.Score)!, false);
        }
        var largest = confident.MaxBy(f => f.Detection.Box.Area)!;
        var rivals = confident.Count(f => f != largest && f.Detection.Box.Area >= settings.RivalAreaShare * largest.Detection.Box.Area);
        return (largest, rivals > 0);
    }

    // The descriptor net was trained on upright faces and face-api's chip is not rotated: a head
    // tilted 10° moves the descriptor by up to 0.8. Turn the picture about the eyes, then find the
    // face again in the levelled picture.
    private async Task<(LocatedFace Face, RgbImage Picture)> LevelAsync(RgbImage image, LocatedFace face, CancellationToken cancellationToken)
    {
        var roll = face.Landmarks.RollDegrees;
        if (Math.Abs(roll) <= options.Value.RollCorrectionAboveDegrees)
        {
            return (face, image);
        }
        var eyes = Landmarks.FacePoint.Centre([face.Landmarks.LeftEyeCentre, face.Landmarks.RightEyeCentre]);
        var (levelled, map) = FaceImages.Rotate(image, eyes, roll);
        var found = await analyzer.LocateFacesAsync(levelled, options.Value.DetectionThreshold, cancellationToken);
        var target = map(eyes);
        var again = found.MinBy(f => Landmarks.FacePoint.Centre([f.Landmarks.LeftEyeCentre, f.Landmarks.RightEyeCentre]).DistanceTo(target));
        return again is null ? (face, image) : (again, levelled);
    }
}
