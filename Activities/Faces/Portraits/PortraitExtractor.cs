using OpenCvSharp;
using SmartKiosk.Activities.Faces.Imaging;
using SmartKiosk.Activities.Recognition.Imaging;
using SmartKiosk.Activities.Recognition.Templates;

namespace SmartKiosk.Activities.Faces.Portraits;

/// <summary>
/// Finds the holder's portrait on an ID card front: the card is located and flattened as for
/// recognition, the template's photo zone is cut out, and exactly one face must be in it.
/// </summary>
public sealed class PortraitExtractor(PagePreparer preparer, FaceSelector selector, ITemplateStore templates)
{
    public async Task<SelectedFace> ExtractAsync(Mat cardFront, string documentType, CaptureSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cardFront);
        var all = await templates.GetAllAsync(cancellationToken);
        var zone = all.FirstOrDefault(t => t.Id == documentType)?.PortraitZone;
        if (zone is null)
        {
            return SelectedFace.Rejected(0, FaceReasonCodes.NoPortraitZone);
        }

        RgbImage photoArea;
        using (var prepared = preparer.Prepare(cardFront, source, DocumentShape.Card))
        {
            var (x, y, width, height) = zone.ToPixels(prepared.Document.Width, prepared.Document.Height);
            using var crop = new Mat(prepared.Document, new Rect(x, y, width, height));
            photoArea = FaceImages.FromMat(crop, selector.Options.MaxImageSide);
        }

        var face = await selector.SelectAsync(photoArea, FaceUse.Portrait, cancellationToken);
        return face.IsUsable
            ? face
            : face with { Reasons = [.. face.Reasons.Select(PortraitReason)] };
    }

    private static string PortraitReason(string reason) => reason switch
    {
        FaceReasonCodes.SeveralFaces => FaceReasonCodes.PortraitSeveralFaces,
        FaceReasonCodes.FaceTooSmall => FaceReasonCodes.PortraitTooSmall,
        _ => FaceReasonCodes.PortraitNoFace,
    };
}
