using SmartKiosk.Activities.Faces.Imaging;
using SmartKiosk.Activities.Faces.Landmarks;

namespace SmartKiosk.Activities.Faces.Descriptors;

/// <summary>
/// The square face-api cuts for the descriptor ("dlib alignment"): centred on the mean of the two
/// eye centres and the mouth centre, sized from the eye-to-mouth distance. The descriptor net was
/// trained on such chips; the landmarks' bounding box instead drifts descriptors by 0.2–0.5.
/// </summary>
public static class FaceAlignment
{
    private const double RelativeX = 0.5;
    private const double RelativeY = 0.43;
    private const double RelativeScale = 0.45;

    public static PixelRect ChipRect(FaceLandmarks68 landmarks, int imageWidth, int imageHeight, int shiftX = 0, int shiftY = 0)
    {
        var leftEye = landmarks.LeftEyeCentre;
        var rightEye = landmarks.RightEyeCentre;
        var mouth = landmarks.MouthCentre;
        var eyeToMouth = (mouth.DistanceTo(leftEye) + mouth.DistanceTo(rightEye)) / 2;
        var size = Math.Floor(eyeToMouth / RelativeScale);
        var centre = FacePoint.Centre([leftEye, rightEye, mouth]);
        var x = Math.Floor(Math.Max(0, centre.X - RelativeX * size)) + shiftX;
        var y = Math.Floor(Math.Max(0, centre.Y - RelativeY * size)) + shiftY;

        // Clip to the image (face-api's clipAtImageBorders); a chip cut at the border is padded to a square later.
        var left = Math.Max(x, 0);
        var top = Math.Max(y, 0);
        var width = Math.Min(x + size - left, imageWidth - left);
        var height = Math.Min(y + size - top, imageHeight - top);
        return new PixelRect((int)left, (int)top, (int)Math.Floor(width), (int)Math.Floor(height));
    }
}
