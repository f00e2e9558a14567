using SmartKiosk.Activities.Faces.Detection;
using SmartKiosk.Activities.Faces.Landmarks;

namespace SmartKiosk.Activities.Faces;

/// <summary>A detected face with its landmarks.</summary>
public sealed record LocatedFace(FaceDetection Detection, FaceLandmarks68 Landmarks);
