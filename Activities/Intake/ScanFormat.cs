namespace SmartKiosk.Activities.Intake;

/// <summary>The formats a kiosk may upload, recognised by content, never by file name.</summary>
public enum ScanFormat
{
    Jpeg,
    Png,
    Tiff,
    Pdf,
}

/// <summary>What the inspector learnt from the bytes: format, size of the largest page, number of pages.</summary>
public sealed record ScanInspection(ScanFormat Format, int Width, int Height, int Pages)
{
    /// <summary>EXIF orientation (1 = upright … 8), as a phone or camera recorded it; the pipeline rotates accordingly.</summary>
    public int Orientation { get; init; } = 1;
}
