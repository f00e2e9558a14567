using SmartKiosk.Activities.Faces;
using SmartKiosk.Activities.Faces.Descriptors;
using SmartKiosk.Activities.Faces.Imaging;

using SmartKiosk.TestSupport.Faces;

namespace SmartKiosk.Activities.Tests.Faces.Golden;

/// <summary>
/// Pins our ONNX conversion of face-api's networks to face-api's own JavaScript: the same pixels in,
/// the same numbers out. The expected numbers are committed; the pixels (cut from the package's demo
/// photos) come from a fresh run of the reference script on this machine and are never committed.
/// </summary>
public sealed class FaceGoldenTests(FaceModelsFixture models, FaceReferenceRun run)
    : IClassFixture<FaceModelsFixture>, IClassFixture<FaceReferenceRun>
{
    private const double DescriptorTolerance = 1e-4;
    private readonly FaceApiReference committed = FaceApiReference.Committed();

    [Fact]
    public void Reference_script_still_produces_the_committed_numbers()
    {
        var fresh = run.Reference;
        Assert.Equal(committed.FaceApi, fresh.FaceApi);
        Assert.Equal("cpu", fresh.Backend);
        Assert.Equal(committed.Chips.Select(c => c.Name), fresh.Chips.Select(c => c.Name));
        foreach (var (expected, actual) in committed.Chips.Zip(fresh.Chips))
        {
            AssertClose(expected.Descriptor, actual.Descriptor, 1e-6, expected.Name);
        }
        Assert.Equal(committed.Images.Select(i => (i.Name, i.Faces.Count)), fresh.Images.Select(i => (i.Name, i.Faces.Count)));
    }

    [Fact]
    public async Task Descriptor_net_matches_face_api_on_the_same_chips()
    {
        var extractor = models.Get<FaceDescriptorExtractor>();
        var chips = committed.Chips.Select(c => (c.Name, c.Descriptor))
            .Concat(committed.Images.SelectMany(i => i.Faces).Select(f => (f.Chip.Name, f.Descriptor)))
            .ToList();
        Assert.True(chips.Count >= 10, "the reference should cover synthetic chips and real faces");
        foreach (var (name, expected) in chips)
        {
            var descriptor = await extractor.DescribeChipAsync(run.Chip(name), CancellationToken.None);
            AssertClose(expected, descriptor.Values.ToArray(), DescriptorTolerance, name);
        }
    }

    [Fact]
    public async Task Whole_pipeline_matches_face_api_on_the_demo_photos()
    {
        var analyzer = models.Get<FaceAnalyzer>();
        foreach (var reference in committed.Images)
        {
            var image = new RgbImage(reference.Width, reference.Height, run.ImagePixels(reference.Name));
            var faces = await analyzer.LocateFacesAsync(image, committed.Detector.ScoreThreshold, CancellationToken.None);
            Assert.Equal(reference.Faces.Count, faces.Count);
            foreach (var (expected, actual) in reference.Faces.Zip(faces))
            {
                var where = $"{reference.Name}/{expected.Chip.Name}";
                Assert.True(Math.Abs(expected.Score - actual.Detection.Score) < 1e-4, $"{where}: score {actual.Detection.Score} vs {expected.Score}");
                Assert.True(Math.Abs(expected.Box.X - actual.Detection.Box.X) < 0.05 && Math.Abs(expected.Box.Width - actual.Detection.Box.Width) < 0.05,
                    $"{where}: box {actual.Detection.Box} vs {expected.Box}");
                var worstLandmark = expected.Landmarks.Zip(actual.Landmarks.Points)
                    .Max(pair => Math.Max(Math.Abs(pair.First[0] - pair.Second.X), Math.Abs(pair.First[1] - pair.Second.Y)));
                Assert.True(worstLandmark < 0.05, $"{where}: a landmark is {worstLandmark:F4} px off");

                var chip = FaceAlignment.ChipRect(actual.Landmarks, image.Width, image.Height);
                Assert.Equal((expected.AlignedRect.X, expected.AlignedRect.Y, expected.AlignedRect.Width), (chip.X, chip.Y, chip.Width));
                var descriptor = await analyzer.DescribeAsync(image, actual.Landmarks, CancellationToken.None);
                AssertClose(expected.Descriptor, descriptor.Values.ToArray(), DescriptorTolerance, where);
            }
        }
    }

    private static void AssertClose(float[] expected, float[] actual, double tolerance, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        var worst = expected.Zip(actual).Max(pair => Math.Abs((double)pair.First - pair.Second));
        Assert.True(worst <= tolerance, $"{what}: largest difference {worst:E2} exceeds {tolerance:E0}");
    }
}
