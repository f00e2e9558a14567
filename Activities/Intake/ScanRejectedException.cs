namespace SmartKiosk.Activities.Intake;

/// <summary>A scan refused before decoding, with a stable reason code the kiosk can explain.</summary>
public sealed class ScanRejectedException : Exception
{
    public ScanRejectedException(string code, string message)
        : base(message) => Code = code;

    public ScanRejectedException()
        : this("invalid", "The scan was refused.")
    {
    }

    public ScanRejectedException(string message)
        : this("invalid", message)
    {
    }

    public ScanRejectedException(string message, Exception inner)
        : base(message, inner) => Code = "invalid";

    /// <summary>empty, too-large, unknown-format, truncated, too-many-pixels, too-many-pages, trailing-data, pdf-active-content.</summary>
    public string Code { get; }
}
