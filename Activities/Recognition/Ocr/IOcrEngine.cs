using OpenCvSharp;

namespace SmartKiosk.Activities.Recognition.Ocr;

/// <summary>Reads text with word boxes and confidences from an image or a region of it.</summary>
public interface IOcrEngine
{
    Task<OcrPage> RecogniseAsync(Mat image, OcrRequest request, Rect? region, CancellationToken cancellationToken);
}
