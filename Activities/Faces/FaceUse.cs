namespace SmartKiosk.Activities.Faces;

/// <summary>What a picture of a face is for: it decides which checks apply.</summary>
public enum FaceUse
{
    /// <summary>The photo printed on an ID card: taken as it is.</summary>
    Portrait,

    /// <summary>A camera frame of the citizen at the kiosk: must look at the camera with open eyes.</summary>
    LiveCapture,
}
