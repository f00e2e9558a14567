using SmartKiosk.Activities.Faces.Descriptors;
using SmartKiosk.Activities.Faces.Detection;
using SmartKiosk.Activities.Faces.Imaging;
using SmartKiosk.Activities.Faces.Landmarks;

namespace SmartKiosk.Activities.Faces;

/// <summary>
/// face-api's pipeline on our ONNX models: detect faces, place 68 landmarks on each, and compute a
/// descriptor from the aligned chip on demand (it is the costly step, so only for the faces a decision needs).
/// </summary>
public sealed class FaceAnalyzer(TinyFaceDetector detector, FaceLandmarker landmarker, FaceDescriptorExtractor descriptors)
{
    public async Task<IReadOnlyList<LocatedFace>> LocateFacesAsync(RgbImage image, double scoreThreshold, CancellationToken cancellationToken)
    {
        var detections = await detector.DetectAsync(image, scoreThreshold, cancellationToken);
        var faces = new List<LocatedFace>(detections.Count);
        foreach (var detection in detections)
        {
            var landmarks = await landmarker.LocateAsync(image, detection.Box, cancellationToken);
            if (landmarks is not null)
            {
                faces.Add(new LocatedFace(detection, landmarks));
            }
        }
        return faces;
    }

    /// <summary>The descriptor of a located face; <paramref name="shiftX"/>/<paramref name="shiftY"/> move the chip by whole pixels.</summary>
    public Task<FaceDescriptor> DescribeAsync(RgbImage image, FaceLandmarks68 landmarks, CancellationToken cancellationToken, int shiftX = 0, int shiftY = 0)
    {
        var chip = FaceAlignment.ChipRect(landmarks, image.Width, image.Height, shiftX, shiftY);
        return chip.IsEmpty
            ? throw new ArgumentException("The face lies outside the image.", nameof(landmarks))
            : descriptors.DescribeAsync(image, chip, cancellationToken);
    }
}
