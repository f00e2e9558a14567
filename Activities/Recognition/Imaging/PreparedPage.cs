using OpenCvSharp;
using SmartKiosk.Activities.Recognition.Quality;

namespace SmartKiosk.Activities.Recognition.Imaging;

/// <summary>A page ready to read: the upright, cropped document, how it was found, and its quality.</summary>
public sealed class PreparedPage(Mat document, CaptureGeometry geometry, QualityReport quality, double deskewDegrees) : IDisposable
{
    public Mat Document { get; } = document;
    public CaptureGeometry Geometry { get; } = geometry;
    public QualityReport Quality { get; } = quality;
    public double DeskewDegrees { get; } = deskewDegrees;

    public void Dispose() => Document.Dispose();
}
