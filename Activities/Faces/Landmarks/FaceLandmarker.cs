using SmartKiosk.Activities.Faces.Detection;
using SmartKiosk.Activities.Faces.Imaging;
using SmartKiosk.Activities.Faces.Models;
using SmartKiosk.Activities.Faces.Models.Conversion;

namespace SmartKiosk.Activities.Faces.Landmarks;

/// <summary>Places the 68 landmarks on a detected face with face-api's landmark net.</summary>
public sealed class FaceLandmarker(FaceModelSessions sessions)
{
    public async Task<FaceLandmarks68?> LocateAsync(RgbImage image, FaceBox box, CancellationToken cancellationToken)
    {
        const int size = FaceLandmark68NetGraph.InputSize;
        // face-api cuts the face from the detection box re-scaled to the image and clipped to its
        // borders, with every side floored — but shifts the result by the unclipped box.
        var cut = ClipAndFloor(Rescaled(box, image.Width, image.Height), image.Width, image.Height);
        if (cut.IsEmpty)
        {
            return null;
        }
        var input = NetInputs.SquareResize(image, cut, size, centre: true);
        var output = await sessions.RunAsync(FaceModelKind.Landmarks, input, size, cancellationToken);

        // Undo the centre padding of the square input (float32 arithmetic, as face-api's tensors).
        var scale = (double)size / Math.Max(cut.Height, cut.Width);
        var inputWidth = cut.Width * scale;
        var inputHeight = cut.Height * scale;
        var padX = (float)(inputWidth < inputHeight ? Math.Abs(inputWidth - inputHeight) / 2 : 0);
        var padY = (float)(inputHeight < inputWidth ? Math.Abs(inputWidth - inputHeight) / 2 : 0);
        var points = new FacePoint[68];
        for (var i = 0; i < 68; i++)
        {
            double relativeX = (output[2 * i] * size - padX) / (float)inputWidth;
            double relativeY = (output[2 * i + 1] * size - padY) / (float)inputHeight;
            // Relative → crop pixels → relative again → shifted: face-api's own sequence of operations.
            var cropX = relativeX * cut.Width / cut.Width * cut.Width;
            var cropY = relativeY * cut.Height / cut.Height * cut.Height;
            points[i] = new FacePoint(cropX + box.X, cropY + box.Y);
        }
        return new FaceLandmarks68(points);
    }

    internal static FaceBox Rescaled(FaceBox box, int width, int height) => new(
        box.X * (1.0 / width) * width, box.Y * (1.0 / height) * height,
        box.Width * (1.0 / width) * width, box.Height * (1.0 / height) * height);

    /// <summary>face-api's <c>Box.clipAtImageBorders(...)</c>: clip, then floor each of x, y, width and height.</summary>
    internal static PixelRect ClipAndFloor(FaceBox box, int imageWidth, int imageHeight)
    {
        var x = Math.Max(box.X, 0);
        var y = Math.Max(box.Y, 0);
        var width = Math.Min(box.Right - x, imageWidth - x);
        var height = Math.Min(box.Bottom - y, imageHeight - y);
        return new PixelRect((int)Math.Floor(x), (int)Math.Floor(y), (int)Math.Floor(width), (int)Math.Floor(height));
    }
}
