namespace SmartKiosk.Activities.Faces.Matching;

/// <summary>Same person, different person, or an officer must look.</summary>
public enum FaceMatchOutcome
{
    Match,
    NoMatch,
    Inconclusive,
}
