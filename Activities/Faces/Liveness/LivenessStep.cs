namespace SmartKiosk.Activities.Faces.Liveness;

/// <summary>
/// One movement the citizen is asked to make. Left and right are the citizen's own: turning to
/// their left moves the nose towards the right of an unmirrored camera image.
/// </summary>
public enum LivenessStep
{
    Blink,
    TurnLeft,
    TurnRight,
}
