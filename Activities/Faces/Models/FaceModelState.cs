namespace SmartKiosk.Activities.Faces.Models;

/// <summary>Where a node's face models are.</summary>
public enum FaceModelState
{
    NotLoaded,
    Loaded,
    Failed,
}
