using SmartKiosk.Activities.Faces.Detection;

namespace SmartKiosk.Activities.Faces.Liveness;

/// <summary>
/// What one frame shows, reduced to the measures liveness needs: the eye aspect ratio and the yaw
/// ratio of the one face, and where the face is. Null measures when the frame has no usable face.
/// </summary>
public sealed record LivenessObservation(int FacesFound, FaceBox? Box, double? EyeAspectRatio, double? YawRatio)
{
    public bool HasFace => Box is not null && EyeAspectRatio is not null && YawRatio is not null;

    public static LivenessObservation Of(LocatedFace face, int facesFound) =>
        new(facesFound, face.Detection.Box, face.Landmarks.EyeAspectRatio, face.Landmarks.YawRatio);

    public static LivenessObservation Without(int facesFound) => new(facesFound, null, null, null);
}
