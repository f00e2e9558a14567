using SmartKiosk.Activities.Faces.Imaging;
using SmartKiosk.Activities.Faces.Models;
using SmartKiosk.Activities.Faces.Models.Conversion;

namespace SmartKiosk.Activities.Faces.Descriptors;

/// <summary>Computes the 128-d descriptor of a face chip with the dlib ResNet (face-api's recognition net).</summary>
public sealed class FaceDescriptorExtractor(FaceModelSessions sessions)
{
    public const int ChipSize = FaceRecognitionNetGraph.InputSize;

    /// <summary>The descriptor of <paramref name="chip"/> cut from <paramref name="image"/> (padded to a square, resized to 150×150).</summary>
    public Task<FaceDescriptor> DescribeAsync(RgbImage image, PixelRect chip, CancellationToken cancellationToken) =>
        DescribeChipAsync(NetInputs.SquareResize(image, chip, ChipSize, centre: true), cancellationToken);

    /// <summary>The descriptor of a ready 150×150 chip (NHWC, RGB values 0–255).</summary>
    public async Task<FaceDescriptor> DescribeChipAsync(float[] chip, CancellationToken cancellationToken)
    {
        if (chip.Length != ChipSize * ChipSize * 3)
        {
            throw new ArgumentException($"A chip is {ChipSize}×{ChipSize}×3 values.", nameof(chip));
        }
        return new FaceDescriptor(await sessions.RunAsync(FaceModelKind.Descriptor, chip, ChipSize, cancellationToken));
    }
}
