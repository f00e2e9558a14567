namespace SmartKiosk.Activities.Faces.Models;

/// <summary>The face models cannot be found or loaded; face verification cannot run on this node.</summary>
public sealed class FaceModelUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
