using System.Security.Cryptography;
using SmartKiosk.Activities.Recognition.Findings;

namespace SmartKiosk.Activities.Faces.Liveness;

/// <summary>
/// The movements asked for, in order, under a one-time id. The order is random so that a recording
/// of an earlier session does not fit a new challenge by default.
/// </summary>
public sealed record LivenessChallenge(string Id, IReadOnlyList<LivenessStep> Steps, DateTimeOffset IssuedAt)
{
    /// <summary>The instruction for each step, in the kiosk's words (Vietnamese first).</summary>
    public IReadOnlyList<LocalizedText> Instructions => [.. Steps.Select(step => FaceText.Get("Challenge." + step))];

    /// <summary>A challenge of all three movements in a random order (a seeded order when <paramref name="seed"/> is given, for tests).</summary>
    public static LivenessChallenge Create(DateTimeOffset now, int? seed = null)
    {
        var steps = new List<LivenessStep> { LivenessStep.Blink, LivenessStep.TurnLeft, LivenessStep.TurnRight };
        Func<int, int> next = seed is { } fixedSeed ? new Random(fixedSeed).Next : RandomNumberGenerator.GetInt32;
        for (var i = steps.Count - 1; i > 0; i--)
        {
            var j = next(i + 1);
            (steps[i], steps[j]) = (steps[j], steps[i]);
        }
        var id = seed is { } s ? $"seed-{s}" : Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        return new LivenessChallenge(id, steps, now);
    }
}
