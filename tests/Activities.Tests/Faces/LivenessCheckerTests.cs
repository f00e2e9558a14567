using SmartKiosk.Activities.Faces;
using SmartKiosk.Activities.Faces.Imaging;
using SmartKiosk.Activities.Faces.Liveness;

namespace SmartKiosk.Activities.Tests.Faces;

/// <summary>Liveness on real pictures through the whole pipeline (detector and landmarks on ONNX Runtime).</summary>
public sealed class LivenessCheckerTests(FaceModelsFixture models) : IClassFixture<FaceModelsFixture>
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.FromHours(7));
    private readonly LivenessChecker checker = models.Get<LivenessChecker>();

    [Fact]
    public async Task A_photo_held_to_the_camera_is_not_live()
    {
        var photo = TestFaces.Image(13);
        // Sensor noise differs frame to frame; the face does not move.
        var frames = Enumerable.Range(0, 10).Select(i => Noisy(photo, seed: i)).ToList();

        var result = await checker.CheckAsync(LivenessChallenge.Create(Now, seed: 1), frames, CancellationToken.None);

        Assert.Equal(LivenessOutcome.NotLive, result.Outcome);
        Assert.Equal(10, result.FramesWithFace);
        Assert.Contains(result.Reasons, r => r.Code == FaceReasonCodes.NoBlink);
    }

    [Fact]
    public async Task Frames_without_a_face_are_inconclusive()
    {
        var blank = new RgbImage(320, 240, new byte[320 * 240 * 3]);

        var result = await checker.CheckAsync(LivenessChallenge.Create(Now, seed: 1), Enumerable.Repeat(blank, 8).ToList(), CancellationToken.None);

        Assert.Equal(LivenessOutcome.Inconclusive, result.Outcome);
        Assert.Equal(FaceReasonCodes.TooFewFrames, Assert.Single(result.Reasons).Code);
    }

    private static RgbImage Noisy(RgbImage image, int seed)
    {
        var random = new Random(seed);
        var pixels = image.Pixels.Select(p => (byte)Math.Clamp(p + random.Next(-4, 5), 0, 255)).ToArray();
        return new RgbImage(image.Width, image.Height, pixels);
    }
}
