namespace SmartKiosk.Activities.Faces.Landmarks;

/// <summary>A point in image pixels.</summary>
public readonly record struct FacePoint(double X, double Y)
{
    public double DistanceTo(FacePoint other) => Math.Sqrt(Math.Pow(other.X - X, 2) + Math.Pow(other.Y - Y, 2));

    /// <summary>The mean of the points, summed in order as face-api does.</summary>
    public static FacePoint Centre(IEnumerable<FacePoint> points)
    {
        double x = 0, y = 0;
        var count = 0;
        foreach (var point in points)
        {
            x += point.X;
            y += point.Y;
            count++;
        }
        return new FacePoint(x / count, y / count);
    }
}
