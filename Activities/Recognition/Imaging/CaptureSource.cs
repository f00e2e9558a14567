namespace SmartKiosk.Activities.Recognition.Imaging;

/// <summary>What produced the image, when the kiosk knows it: a flatbed scanner or a camera.</summary>
public enum CaptureSource
{
    Unknown,
    Scanner,
    Camera,
}
