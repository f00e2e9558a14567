namespace SmartKiosk.Activities.Faces.Liveness;

/// <summary>A live person made the movements, the movements were not made, or the frames do not tell.</summary>
public enum LivenessOutcome
{
    Live,
    NotLive,
    Inconclusive,
}
