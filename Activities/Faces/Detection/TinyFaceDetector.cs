using SmartKiosk.Activities.Faces.Imaging;
using SmartKiosk.Activities.Faces.Models;
using SmartKiosk.Activities.Faces.Models.Conversion;

namespace SmartKiosk.Activities.Faces.Detection;

/// <summary>
/// Finds faces with face-api's tiny face detector (Tiny-YOLOv2, 416×416, 13×13 cells × 5 anchors),
/// decoding its grid and suppressing overlaps as face-api does.
/// </summary>
public sealed class TinyFaceDetector(FaceModelSessions sessions)
{
    private const int Cells = 13;
    private const double OverlapThreshold = 0.4;
    private static readonly (double Width, double Height)[] Anchors =
    [
        (1.603231, 2.094468), (6.041143, 7.080126), (2.882459, 3.518061), (4.266906, 5.178857), (9.041765, 10.66308),
    ];

    public async Task<IReadOnlyList<FaceDetection>> DetectAsync(RgbImage image, double scoreThreshold, CancellationToken cancellationToken)
    {
        const int size = TinyFaceDetectorGraph.InputSize;
        var input = NetInputs.SquareResize(image, new PixelRect(0, 0, image.Width, image.Height), size, centre: false);
        var grid = await sessions.RunAsync(FaceModelKind.Detector, input, size, cancellationToken);
        return Decode(grid, image.Width, image.Height, scoreThreshold);
    }

    private static List<FaceDetection> Decode(float[] grid, int imageWidth, int imageHeight, double scoreThreshold)
    {
        const int size = TinyFaceDetectorGraph.InputSize;
        // The image was padded at the bottom/right: boxes are relative to the padded square, so
        // they are stretched back by the share of the square the image really covers.
        var scale = (double)size / Math.Max(imageWidth, imageHeight);
        var coveredWidth = Math.Round(imageWidth * scale, MidpointRounding.AwayFromZero);
        var coveredHeight = Math.Round(imageHeight * scale, MidpointRounding.AwayFromZero);
        var correctionX = Math.Max(coveredWidth, coveredHeight) / coveredWidth;
        var correctionY = Math.Max(coveredWidth, coveredHeight) / coveredHeight;

        var candidates = new List<(double Score, FaceBox Relative)>();
        for (var row = 0; row < Cells; row++)
        {
            for (var column = 0; column < Cells; column++)
            {
                for (var anchor = 0; anchor < Anchors.Length; anchor++)
                {
                    var offset = ((row * Cells + column) * Anchors.Length + anchor) * 5;
                    var score = Sigmoid(grid[offset + 4]);
                    if (score <= scoreThreshold)
                    {
                        continue;
                    }
                    var centreX = (column + Sigmoid(grid[offset])) / Cells * correctionX;
                    var centreY = (row + Sigmoid(grid[offset + 1])) / Cells * correctionY;
                    var width = Math.Exp(grid[offset + 2]) * Anchors[anchor].Width / Cells * correctionX;
                    var height = Math.Exp(grid[offset + 3]) * Anchors[anchor].Height / Cells * correctionY;
                    var x = centreX - width / 2;
                    var y = centreY - height / 2;
                    // face-api builds the box from its corners; width = (x + w) − x, kept for exactness.
                    candidates.Add((score, new FaceBox(x, y, x + width - x, y + height - y)));
                }
            }
        }

        var detections = new List<FaceDetection>();
        foreach (var index in NonMaxSuppression(candidates))
        {
            var (score, relative) = candidates[index];
            detections.Add(new FaceDetection(score, ToImage(relative, imageWidth, imageHeight)));
        }
        return detections;
    }

    // Highest score first; a box overlapping a kept one by more than the threshold is dropped.
    // Ties keep face-api's order (a stable ascending sort, taken from the end).
    private static List<int> NonMaxSuppression(List<(double Score, FaceBox Relative)> candidates)
    {
        const int size = TinyFaceDetectorGraph.InputSize;
        static FaceBox Scaled(FaceBox b) => new(b.X * size, b.Y * size, b.Width * size, b.Height * size);
        var remaining = Enumerable.Range(0, candidates.Count).OrderBy(i => candidates[i].Score).ToList();
        var picked = new List<int>();
        while (remaining.Count > 0)
        {
            var current = remaining[^1];
            remaining.RemoveAt(remaining.Count - 1);
            picked.Add(current);
            var currentBox = Scaled(candidates[current].Relative);
            remaining = remaining.Where(i => currentBox.IntersectionOverUnion(Scaled(candidates[i].Relative)) <= OverlapThreshold).ToList();
        }
        return picked;
    }

    // face-api carries a detection through relative and absolute coordinates more than once
    // (ObjectDetection → FaceDetection → forSize). The same multiplications are repeated here
    // so that the box, and the whole pixels later cut from it, match to the last bit.
    private static FaceBox ToImage(FaceBox relative, int imageWidth, int imageHeight)
    {
        static double Absolute(double value, double scale) => value * scale;
        static double Relative(double value, double scale) => value * (1 / scale);
        var absolute = new FaceBox(
            Absolute(relative.X, imageWidth), Absolute(relative.Y, imageHeight),
            Absolute(relative.Width, imageWidth), Absolute(relative.Height, imageHeight));
        return new FaceBox(
            Absolute(Relative(absolute.X, imageWidth), imageWidth), Absolute(Relative(absolute.Y, imageHeight), imageHeight),
            Absolute(Relative(absolute.Width, imageWidth), imageWidth), Absolute(Relative(absolute.Height, imageHeight), imageHeight));
    }

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));
}
