namespace SmartKiosk.Activities.Faces.Models;

/// <summary>The three networks of the face pipeline.</summary>
public enum FaceModelKind
{
    Detector,
    Landmarks,
    Descriptor,
}
