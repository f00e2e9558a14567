using Microsoft.Extensions.Options;
using SmartKiosk.Activities.Faces;
using SmartKiosk.Activities.Faces.Detection;
using SmartKiosk.Activities.Faces.Landmarks;
using SmartKiosk.Activities.Faces.Liveness;
using SmartKiosk.TestSupport.Faces;

namespace SmartKiosk.Activities.Tests.Faces;

/// <summary>
/// The liveness decision on synthetic landmark sequences: a real face's 68 landmarks (face-api's own,
/// from the committed reference numbers) with the eyelids closed or the nose turned frame by frame.
/// </summary>
public sealed class LivenessTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.FromHours(7));
    private readonly LivenessEvaluator evaluator = new(Options.Create(new LivenessOptions()));
    private readonly FaceLandmarks68 straight = FrontalFace();

    [Fact]
    public void The_asked_movements_in_the_asked_order_are_live()
    {
        var challenge = LivenessChallenge.Create(Now, seed: 7);

        var result = evaluator.Evaluate(challenge, Perform(challenge.Steps));

        Assert.Equal(LivenessOutcome.Live, result.Outcome);
        Assert.Equal(challenge.Steps, result.Seen);
        Assert.Equal(challenge.Id, result.ChallengeId);
        Assert.Empty(result.Reasons);
    }

    [Fact]
    public void A_photo_held_still_is_not_live()
    {
        var challenge = LivenessChallenge.Create(Now, seed: 7);
        var still = Enumerable.Repeat(Observe(straight), 15).ToList();

        var result = evaluator.Evaluate(challenge, still);

        Assert.Equal(LivenessOutcome.NotLive, result.Outcome);
        Assert.Empty(result.Seen);
        Assert.Equal(
            new[] { FaceReasonCodes.NoBlink, FaceReasonCodes.NoTurnLeft, FaceReasonCodes.NoTurnRight }.Order(),
            result.Reasons.Select(r => r.Code).Order());
    }

    [Fact]
    public void A_recording_in_another_order_is_not_live()
    {
        var challenge = LivenessChallenge.Create(Now, seed: 7);
        var otherOrder = challenge.Steps.Reverse().ToList();

        var result = evaluator.Evaluate(challenge, Perform(otherOrder));

        Assert.Equal(LivenessOutcome.NotLive, result.Outcome);
        Assert.Equal(FaceReasonCodes.WrongOrder, Assert.Single(result.Reasons).Code);
    }

    [Fact]
    public void A_missing_movement_is_named()
    {
        var challenge = LivenessChallenge.Create(Now, seed: 7);

        var result = evaluator.Evaluate(challenge, Perform([LivenessStep.Blink]));

        Assert.Equal(LivenessOutcome.NotLive, result.Outcome);
        Assert.Equal(new[] { FaceReasonCodes.NoTurnLeft, FaceReasonCodes.NoTurnRight }.Order(), result.Reasons.Select(r => r.Code).Order());
    }

    [Fact]
    public void A_half_closed_squint_is_not_a_blink()
    {
        var challenge = new LivenessChallenge("squint", [LivenessStep.Blink], Now);
        var frames = Straight(4).Concat(Enumerable.Repeat(Observe(Eyes(straight, closing: 0.2)), 3)).Concat(Straight(4)).ToList();

        Assert.Equal(LivenessOutcome.NotLive, evaluator.Evaluate(challenge, frames).Outcome);
    }

    [Fact]
    public void Too_few_frames_with_a_face_are_inconclusive()
    {
        var challenge = LivenessChallenge.Create(Now, seed: 7);
        var frames = Perform(challenge.Steps).Select((f, i) => i % 2 == 0 ? LivenessObservation.Without(0) : f).ToList();

        var result = evaluator.Evaluate(challenge, frames);

        Assert.Equal(LivenessOutcome.Inconclusive, result.Outcome);
        Assert.Equal(FaceReasonCodes.TooFewFrames, Assert.Single(result.Reasons).Code);
    }

    [Fact]
    public void Several_faces_are_inconclusive()
    {
        var challenge = LivenessChallenge.Create(Now, seed: 7);
        var frames = Perform(challenge.Steps);
        frames[5] = LivenessObservation.Without(2);

        Assert.Equal(FaceReasonCodes.SeveralFaces, Assert.Single(evaluator.Evaluate(challenge, frames).Reasons).Code);
    }

    [Fact]
    public void A_face_that_jumps_to_another_place_is_another_face()
    {
        var challenge = LivenessChallenge.Create(Now, seed: 7);
        var frames = Perform(challenge.Steps);
        var elsewhere = straight.Transform(p => new FacePoint(p.X + 400, p.Y));
        frames[^1] = Observe(elsewhere);

        var result = evaluator.Evaluate(challenge, frames);

        Assert.Equal(LivenessOutcome.NotLive, result.Outcome);
        Assert.Equal(FaceReasonCodes.FaceChanged, Assert.Single(result.Reasons).Code);
    }

    [Fact]
    public void Challenges_are_random_in_order_and_id_but_reproducible_from_a_seed()
    {
        Assert.Equal(LivenessChallenge.Create(Now, seed: 3).Steps, LivenessChallenge.Create(Now, seed: 3).Steps);
        var orders = Enumerable.Range(1, 60).Select(seed => string.Join(',', LivenessChallenge.Create(Now, seed).Steps)).Distinct().Count();
        Assert.Equal(6, orders);

        var first = LivenessChallenge.Create(Now);
        var second = LivenessChallenge.Create(Now);
        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(32, first.Id.Length);
        Assert.Equal(3, first.Steps.Distinct().Count());
        Assert.All(first.Instructions, text => Assert.False(string.IsNullOrWhiteSpace(text.Vi) || string.IsNullOrWhiteSpace(text.En)));
    }

    private List<LivenessObservation> Perform(IEnumerable<LivenessStep> steps)
    {
        var frames = Straight(3).ToList();
        foreach (var step in steps)
        {
            var moved = step switch
            {
                LivenessStep.Blink => Eyes(straight, closing: 0.8),
                LivenessStep.TurnLeft => Turn(straight, 0.5),
                _ => Turn(straight, -0.5),
            };
            frames.AddRange(Enumerable.Repeat(Observe(moved), 2));
            frames.AddRange(Straight(2));
        }
        return frames;
    }

    private IEnumerable<LivenessObservation> Straight(int count) => Enumerable.Repeat(Observe(straight), count);

    private static LivenessObservation Observe(FaceLandmarks68 landmarks)
    {
        var xs = landmarks.Points.Select(p => p.X).ToList();
        var ys = landmarks.Points.Select(p => p.Y).ToList();
        var box = new FaceBox(xs.Min(), ys.Min(), xs.Max() - xs.Min(), ys.Max() - ys.Min());
        return LivenessObservation.Of(new LocatedFace(new FaceDetection(0.9, box), landmarks), 1);
    }

    /// <summary>Eyelids moved towards the line between the eye corners by <paramref name="closing"/> (1 = shut).</summary>
    private static FaceLandmarks68 Eyes(FaceLandmarks68 face, double closing)
    {
        var points = face.Points.ToArray();
        foreach (var start in new[] { 36, 42 })
        {
            var middle = (points[start].Y + points[start + 3].Y) / 2;
            foreach (var lid in new[] { 1, 2, 4, 5 })
            {
                var p = points[start + lid];
                points[start + lid] = new FacePoint(p.X, middle + (p.Y - middle) * (1 - closing));
            }
        }
        return new FaceLandmarks68(points);
    }

    /// <summary>The nose moved sideways by <paramref name="amount"/> half-widths of the face (positive: towards the image's right).</summary>
    private static FaceLandmarks68 Turn(FaceLandmarks68 face, double amount)
    {
        var points = face.Points.ToArray();
        var halfWidth = (points[14].X - points[2].X) / 2;
        for (var i = 27; i <= 35; i++)
        {
            points[i] = new FacePoint(points[i].X + amount * halfWidth, points[i].Y);
        }
        return new FaceLandmarks68(points);
    }

    private static FaceLandmarks68 FrontalFace()
    {
        var face = FaceApiReference.Committed().Images.Single(i => i.Name == "sample5").Faces[3];
        return new FaceLandmarks68([.. face.Landmarks.Select(p => new FacePoint(p[0], p[1]))]);
    }
}
