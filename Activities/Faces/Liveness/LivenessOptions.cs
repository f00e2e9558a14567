namespace SmartKiosk.Activities.Faces.Liveness;

/// <summary>Liveness thresholds (configuration section <c>Faces:Liveness</c>).</summary>
public sealed class LivenessOptions
{
    public const string SectionName = "Faces:Liveness";

    /// <summary>Fewest frames with one face that a decision needs.</summary>
    public int MinFramesWithFace { get; set; } = 6;

    /// <summary>Share of the offered frames that must show one face.</summary>
    public double MinShareWithFace { get; set; } = 0.6;

    /// <summary>Eyes count as closed below this share of the person's own open-eye ratio…</summary>
    public double ClosedShareOfOpen { get; set; } = 0.7;

    /// <summary>…and below this absolute eye aspect ratio.</summary>
    public double ClosedAtMost { get; set; } = 0.22;

    /// <summary>Eyes count as open again above this share of the open-eye ratio.</summary>
    public double ReopenedShareOfOpen { get; set; } = 0.85;

    /// <summary>Change of the yaw ratio (−1…1) from the straight-ahead pose that counts as a head turn.</summary>
    public double TurnDelta { get; set; } = 0.3;

    /// <summary>A face moving more than this share of its width between two frames is taken for another face.</summary>
    public double MaxCentreJump { get; set; } = 0.6;

    /// <summary>A face whose area changes by more than this factor between two frames is taken for another face.</summary>
    public double MaxAreaChange { get; set; } = 1.8;

    /// <summary>How long a challenge stays valid after it was issued.</summary>
    public TimeSpan ChallengeLifetime { get; set; } = TimeSpan.FromMinutes(2);
}
