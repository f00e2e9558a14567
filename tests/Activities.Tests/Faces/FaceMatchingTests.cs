using Microsoft.Extensions.Options;
using OpenCvSharp;
using SmartKiosk.Activities.Faces;
using SmartKiosk.Activities.Faces.Imaging;
using SmartKiosk.Activities.Faces.Matching;
using SmartKiosk.Activities.Faces.Portraits;
using SmartKiosk.Activities.Recognition.Imaging;
using SmartKiosk.Samples.SyntheticDocuments;
using SmartKiosk.TestSupport.Faces;

namespace SmartKiosk.Activities.Tests.Faces;

/// <summary>
/// The match decision on real faces (face-api's demo photos) against the portrait printed on a
/// synthetic ID card that was photographed again: the whole path the kiosk takes.
/// </summary>
public sealed class FaceMatchingTests(FaceModelsFixture models) : IClassFixture<FaceModelsFixture>
{
    private const int Alice = 13;
    private const int Bob = 17;
    private readonly PortraitExtractor portraits = models.Get<PortraitExtractor>();
    private readonly FaceMatcher matcher = models.Get<FaceMatcher>();

    [Fact]
    public async Task Live_capture_of_the_card_holder_is_a_match()
    {
        var portrait = await PortraitOnCardAsync(Alice, seed: 1);
        Assert.True(portrait.IsUsable, string.Join(", ", portrait.Reasons));

        var result = await matcher.MatchAsync(portrait, [TestFaces.Image(Alice), Darker(TestFaces.Image(Alice))], FaceMatchThresholds.Default, CancellationToken.None);

        Assert.Equal(FaceMatchOutcome.Match, result.Outcome);
        Assert.InRange(result.Distance!.Value, 0, FaceMatchThresholds.DefaultAccept);
        Assert.Equal(2, result.FramesUsed);
        Assert.Empty(result.Reasons);
    }

    [Fact]
    public async Task Someone_else_in_front_of_the_camera_is_no_match()
    {
        var portrait = await PortraitOnCardAsync(Alice, seed: 2);

        var result = await matcher.MatchAsync(portrait, [TestFaces.Image(Bob)], FaceMatchThresholds.Default, CancellationToken.None);

        Assert.Equal(FaceMatchOutcome.NoMatch, result.Outcome);
        Assert.True(result.Distance > FaceMatchThresholds.DefaultReview, $"distance {result.Distance}");
        Assert.Equal(FaceReasonCodes.DistanceAboveThreshold, Assert.Single(result.Reasons).Code);
    }

    [Fact]
    public async Task A_distance_inside_the_review_band_goes_to_an_officer()
    {
        var portrait = await PortraitOnCardAsync(Alice, seed: 3);
        var measured = await matcher.MatchAsync(portrait, [TestFaces.Image(Alice)], FaceMatchThresholds.Default, CancellationToken.None);
        var distance = measured.Distance!.Value;

        // An administrator who tightened the thresholds around this distance gets a review, not a decision.
        var strict = new FaceMatchThresholds(AcceptBelow: distance - 0.01, ReviewBelow: distance + 0.01);
        var result = await matcher.MatchAsync(portrait, [TestFaces.Image(Alice)], strict, CancellationToken.None);

        Assert.Equal(FaceMatchOutcome.Inconclusive, result.Outcome);
        Assert.Equal(distance, result.Distance);
        Assert.Equal(strict, result.Thresholds);
        Assert.Equal(FaceReasonCodes.DistanceInReviewBand, Assert.Single(result.Reasons).Code);
    }

    [Fact]
    public async Task A_tilted_head_is_levelled_before_matching()
    {
        var analyzer = models.Get<FaceAnalyzer>();
        var reference = await models.Get<FaceSelector>().SelectAsync(TestFaces.Image(Alice), FaceUse.Portrait, CancellationToken.None);
        using var picture = TestFaces.Picture(Alice);
        using var rotation = Cv2.GetRotationMatrix2D(new Point2f(picture.Width / 2f, picture.Height / 2f), 15, 1);
        using var tilted = new Mat();
        Cv2.WarpAffine(picture, tilted, rotation, picture.Size(), InterpolationFlags.Linear, BorderTypes.Replicate);
        var frame = FaceImages.FromMat(tilted, 1600);
        var withoutLevelling = new FaceMatcher(
            new FaceSelector(analyzer, Options.Create(new FaceSelectionOptions { RollCorrectionAboveDegrees = 180 })), analyzer);

        var levelled = await matcher.MatchAsync(reference, [frame], FaceMatchThresholds.Default, CancellationToken.None);
        var asIs = await withoutLevelling.MatchAsync(reference, [frame], FaceMatchThresholds.Default, CancellationToken.None);

        Assert.Equal(FaceMatchOutcome.Match, levelled.Outcome);
        Assert.True(levelled.Distance < 0.25, $"levelled {levelled.Distance}");
        Assert.True(asIs.Distance > levelled.Distance + 0.1, $"levelled {levelled.Distance}, as is {asIs.Distance}");
    }

    [Fact]
    public async Task No_face_in_the_live_frames_is_inconclusive_with_the_reason()
    {
        var portrait = await PortraitOnCardAsync(Alice, seed: 5);
        var blank = new RgbImage(640, 480, Enumerable.Repeat((byte)200, 640 * 480 * 3).ToArray());

        var result = await matcher.MatchAsync(portrait, [blank], FaceMatchThresholds.Default, CancellationToken.None);

        Assert.Equal(FaceMatchOutcome.Inconclusive, result.Outcome);
        Assert.Null(result.Distance);
        Assert.Equal(FaceReasonCodes.NoFace, Assert.Single(result.Reasons).Code);
        Assert.False(string.IsNullOrWhiteSpace(result.Reasons[0].Message.Vi));
    }

    [Fact]
    public async Task Several_people_in_the_frame_is_inconclusive()
    {
        var portrait = await PortraitOnCardAsync(Alice, seed: 6);
        using var group = TestFaces.Photo("sample3");

        var result = await matcher.MatchAsync(portrait, [FaceImages.FromMat(group, 1600)], FaceMatchThresholds.Default, CancellationToken.None);

        Assert.Equal(FaceMatchOutcome.Inconclusive, result.Outcome);
        Assert.Equal(FaceReasonCodes.SeveralFaces, Assert.Single(result.Reasons).Code);
    }

    [Fact]
    public async Task A_face_too_small_to_trust_is_refused()
    {
        var portrait = await PortraitOnCardAsync(Alice, seed: 7);
        using var picture = TestFaces.Picture(Alice);
        using var far = new Mat();
        Cv2.Resize(picture, far, new Size(picture.Width / 8, picture.Height / 8), 0, 0, InterpolationFlags.Area);
        using var canvas = new Mat(480, 640, MatType.CV_8UC3, new Scalar(180, 180, 180));
        far.CopyTo(new Mat(canvas, new Rect(300, 200, far.Width, far.Height)));

        var result = await matcher.MatchAsync(portrait, [FaceImages.FromMat(canvas, 1600)], FaceMatchThresholds.Default, CancellationToken.None);

        Assert.Equal(FaceMatchOutcome.Inconclusive, result.Outcome);
        Assert.Contains(result.Reasons, r => r.Code is FaceReasonCodes.FaceTooSmall or FaceReasonCodes.NoFace);
    }

    [Fact]
    public async Task A_document_without_a_portrait_cannot_be_matched()
    {
        using var card = Cv2.ImDecode(CardWithPortrait(Alice, seed: 8), ImreadModes.Color);

        var portrait = await portraits.ExtractAsync(card, "birth-certificate", CaptureSource.Camera, CancellationToken.None);

        Assert.False(portrait.IsUsable);
        Assert.Equal(FaceReasonCodes.NoPortraitZone, Assert.Single(portrait.Reasons));
    }

    [Fact]
    public async Task A_card_whose_photo_shows_no_face_has_no_usable_portrait()
    {
        using var grey = new Mat(400, 300, MatType.CV_8UC3, new Scalar(128, 128, 128));
        Cv2.ImEncode(".png", grey, out var photo);
        var front = new DocumentGenerator(9).IdCard(canCuoc2024: true, CaptureKind.Scan, new GenerationOptions(PortraitPhoto: photo)).Front;
        using var card = Cv2.ImDecode(front.Image, ImreadModes.Color);

        var portrait = await portraits.ExtractAsync(card, front.DocumentType, CaptureSource.Scanner, CancellationToken.None);
        var result = await matcher.MatchAsync(portrait, [TestFaces.Image(Alice)], FaceMatchThresholds.Default, CancellationToken.None);

        Assert.False(portrait.IsUsable);
        Assert.Equal(FaceMatchOutcome.Inconclusive, result.Outcome);
        Assert.Equal(FaceReasonCodes.PortraitNoFace, Assert.Single(result.Reasons).Code);
    }

    [Fact]
    public async Task Thresholds_are_checked()
    {
        Assert.Null(FaceMatchThresholds.Default.Problem());
        Assert.NotNull(new FaceMatchThresholds(0.6, 0.5).Problem());
        Assert.NotNull(new FaceMatchThresholds(-1, 0.5).Problem());
        await Task.CompletedTask;
    }

    private async Task<SelectedFace> PortraitOnCardAsync(int person, int seed)
    {
        using var card = Cv2.ImDecode(CardWithPortrait(person, seed), ImreadModes.Color);
        return await portraits.ExtractAsync(card, "cccd-2021-front", CaptureSource.Camera, CancellationToken.None);
    }

    private static byte[] CardWithPortrait(int person, int seed) =>
        new DocumentGenerator(seed).IdCard(canCuoc2024: false, CaptureKind.Photo, new GenerationOptions(PortraitPhoto: DemoFaces.Jpeg(person))).Front.Image;

    private static RgbImage Darker(RgbImage image) =>
        new(image.Width, image.Height, [.. image.Pixels.Select(p => (byte)(p * 0.7))]);
}
