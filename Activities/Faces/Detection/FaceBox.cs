namespace SmartKiosk.Activities.Faces.Detection;

/// <summary>A face's bounding box in image pixels (not rounded).</summary>
public readonly record struct FaceBox(double X, double Y, double Width, double Height)
{
    public double Right => X + Width;

    public double Bottom => Y + Height;

    public double Area => Width * Height;

    public double CentreX => X + Width / 2;

    public double CentreY => Y + Height / 2;

    public double IntersectionOverUnion(FaceBox other)
    {
        var width = Math.Max(0, Math.Min(Right, other.Right) - Math.Max(X, other.X));
        var height = Math.Max(0, Math.Min(Bottom, other.Bottom) - Math.Max(Y, other.Y));
        var intersection = width * height;
        return intersection / (Area + other.Area - intersection);
    }
}
