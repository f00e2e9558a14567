namespace SmartKiosk.Activities.Faces.Landmarks;

/// <summary>
/// The 68 points of the iBUG 300-W scheme in image pixels: jaw 0–16, brows 17–26, nose 27–35,
/// eyes 36–41 (the subject's right, on the image's left) and 42–47, mouth 48–67.
/// </summary>
public sealed class FaceLandmarks68
{
    public FaceLandmarks68(IReadOnlyList<FacePoint> points)
    {
        if (points.Count != 68)
        {
            throw new ArgumentException($"Expected 68 landmarks, got {points.Count}.", nameof(points));
        }
        Points = points;
    }

    public IReadOnlyList<FacePoint> Points { get; }

    public IEnumerable<FacePoint> LeftEye => Range(36, 42);

    public IEnumerable<FacePoint> RightEye => Range(42, 48);

    public IEnumerable<FacePoint> Mouth => Range(48, 68);

    public FacePoint LeftEyeCentre => FacePoint.Centre(LeftEye);

    public FacePoint RightEyeCentre => FacePoint.Centre(RightEye);

    public FacePoint MouthCentre => FacePoint.Centre(Mouth);

    /// <summary>The angle of the line between the eye centres, in degrees (positive: clockwise in the image).</summary>
    public double RollDegrees
    {
        get
        {
            var left = LeftEyeCentre;
            var right = RightEyeCentre;
            return Math.Atan2(right.Y - left.Y, right.X - left.X) * 180 / Math.PI;
        }
    }

    /// <summary>
    /// Eye aspect ratio (Soukupová and Čech, 2016) averaged over both eyes: about 0.25–0.35 open,
    /// below about 0.2 closed.
    /// </summary>
    public double EyeAspectRatio => (AspectRatio([.. LeftEye]) + AspectRatio([.. RightEye])) / 2;

    /// <summary>
    /// Where the nose tip sits between the jaw's two sides, −1 (turned fully to the image's left)
    /// to +1 (to the right); about 0 when the face looks straight at the camera.
    /// </summary>
    public double YawRatio
    {
        get
        {
            var left = Points[2];
            var right = Points[14];
            var nose = Points[30];
            var span = right.X - left.X;
            return span <= 0 ? 0 : (nose.X - left.X) / span * 2 - 1;
        }
    }

    /// <summary>Width of the face between the outer eye corners, in pixels.</summary>
    public double EyeSpan => Points[36].DistanceTo(Points[45]);

    public FaceLandmarks68 Transform(Func<FacePoint, FacePoint> map) => new([.. Points.Select(map)]);

    private IEnumerable<FacePoint> Range(int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            yield return Points[i];
        }
    }

    private static double AspectRatio(FacePoint[] eye) =>
        (eye[1].DistanceTo(eye[5]) + eye[2].DistanceTo(eye[4])) / (2 * eye[0].DistanceTo(eye[3]));
}
