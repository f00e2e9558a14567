namespace SmartKiosk.Samples.SyntheticDocuments;

/// <summary>How the document reached the back office.</summary>
public enum CaptureKind
{
    /// <summary>Flat, clean scanner image (PNG).</summary>
    Scan,

    /// <summary>Phone or kiosk camera photo of the document lying on a desk (JPEG).</summary>
    Photo,
}
