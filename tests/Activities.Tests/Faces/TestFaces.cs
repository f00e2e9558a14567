using OpenCvSharp;
using SmartKiosk.Activities.Faces.Imaging;
using SmartKiosk.Activities.Recognition;
using SmartKiosk.TestSupport.Faces;

namespace SmartKiosk.Activities.Tests.Faces;

/// <summary>The demo faces decoded for the face pipeline (OpenCV, after the recognition libraries are loaded in order).</summary>
internal static class TestFaces
{
    public static Mat Picture(int index) => Decode(DemoFaces.Jpeg(index));

    public static RgbImage Image(int index)
    {
        using var picture = Picture(index);
        return FaceImages.FromMat(picture, 1600);
    }

    public static Mat Photo(string name) => Decode(DemoFaces.Photo(name));

    private static Mat Decode(byte[] jpeg)
    {
        NativeLibraries.EnsureLoaded();
        return Cv2.ImDecode(jpeg, ImreadModes.Color);
    }
}
