using SmartKiosk.Activities.Recognition.Imaging;

namespace SmartKiosk.Activities.Recognition;

/// <summary>What the kiosk says about a scan: the document type the citizen chose (if any) and the capture device.</summary>
public sealed record RecognitionRequest(string? DeclaredType = null, CaptureSource Source = CaptureSource.Unknown);
