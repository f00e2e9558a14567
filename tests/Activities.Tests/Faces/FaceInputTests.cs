using OpenCvSharp;
using SmartKiosk.Activities.Faces;
using SmartKiosk.Activities.Faces.Capture;
using SmartKiosk.Activities.Faces.Matching;
using SmartKiosk.Activities.Faces.Portraits;
using SmartKiosk.Activities.Recognition.Imaging;
using SmartKiosk.Samples.SyntheticDocuments;
using SmartKiosk.TestSupport.Faces;

namespace SmartKiosk.Activities.Tests.Faces;

/// <summary>Hostile and unusual captures: each gets a clear outcome, none crashes the pipeline.</summary>
public sealed class FaceInputTests(FaceModelsFixture models) : IClassFixture<FaceModelsFixture>
{
    private const int Holder = 13;
    private readonly FaceCaptureReader reader = models.Get<FaceCaptureReader>();

    [Fact]
    public async Task A_truncated_frame_is_unreadable_not_a_crash()
    {
        var jpeg = DemoFaces.Jpeg(Holder);

        Assert.Null(await reader.ReadFrameAsync(await models.StoreAsync(jpeg[..(jpeg.Length / 3)]), CancellationToken.None));
        Assert.Null(await reader.ReadFrameAsync(await models.StoreAsync("not an image at all"u8.ToArray()), CancellationToken.None));
    }

    [Fact]
    public async Task A_decompression_bomb_is_refused_before_decoding()
    {
        // A PNG whose header claims 60 000 × 60 000 pixels (3.6 gigapixels) in a few hundred bytes.
        using var tiny = new Mat(8, 8, MatType.CV_8UC3, Scalar.All(90));
        Cv2.ImEncode(".png", tiny, out var png);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(16), 60_000);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(20), 60_000);

        Assert.Null(await reader.ReadFrameAsync(await models.StoreAsync(png), CancellationToken.None));
    }

    [Fact]
    public async Task A_pdf_is_not_a_camera_frame()
    {
        var pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray();

        Assert.Null(await reader.ReadFrameAsync(await models.StoreAsync(pdf), CancellationToken.None));
    }

    [Fact]
    public async Task A_huge_frame_is_scaled_down_and_still_used()
    {
        using var face = TestFaces.Picture(Holder);
        using var huge = new Mat();
        Cv2.Resize(face, huge, new Size(5000, (int)(5000.0 * face.Height / face.Width)), 0, 0, InterpolationFlags.Cubic);
        Cv2.ImEncode(".jpg", huge, out var jpeg);

        var frame = await reader.ReadFrameAsync(await models.StoreAsync(jpeg), CancellationToken.None);

        Assert.NotNull(frame);
        Assert.Equal(1600, Math.Max(frame.Width, frame.Height));
        Assert.True((await models.Get<FaceSelector>().SelectAsync(frame, FaceUse.LiveCapture, CancellationToken.None)).IsUsable);
    }

    [Fact]
    public async Task A_greyscale_camera_still_matches_the_holder()
    {
        using var face = TestFaces.Picture(Holder);
        using var grey = new Mat();
        Cv2.CvtColor(face, grey, ColorConversionCodes.BGR2GRAY);
        Cv2.ImEncode(".png", grey, out var png);
        var frame = await reader.ReadFrameAsync(await models.StoreAsync(png), CancellationToken.None);
        var card = new DocumentGenerator(21).IdCard(canCuoc2024: true, CaptureKind.Scan, new GenerationOptions(PortraitPhoto: DemoFaces.Jpeg(Holder))).Front;
        using var page = await reader.ReadPageAsync(await models.StoreAsync(card.Image), CancellationToken.None);
        var portrait = await models.Get<PortraitExtractor>().ExtractAsync(page!, card.DocumentType, CaptureSource.Scanner, CancellationToken.None);

        var result = await models.Get<FaceMatcher>().MatchAsync(portrait, [frame!], FaceMatchThresholds.Default, CancellationToken.None);

        Assert.True(result.Outcome == FaceMatchOutcome.Match, $"{result.Outcome} at {result.Distance}");
    }
}
