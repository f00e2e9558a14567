namespace SmartKiosk.Activities.Faces.Detection;

/// <summary>One detected face: the detector's confidence (0–1) and its box.</summary>
public sealed record FaceDetection(double Score, FaceBox Box);
