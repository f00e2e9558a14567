using SmartKiosk.Activities.Recognition.Imaging;

namespace SmartKiosk.Activities.Recognition.Quality;

/// <summary>
/// How the document sat in the original capture: where it was found (null when the page itself is
/// the document, as from a flatbed scanner), its shape, and its long side in source pixels.
/// </summary>
public sealed record CaptureGeometry(DocumentQuad? Located, DocumentShape Shape, int SourceLongSide, bool IsCamera);
