namespace SmartKiosk.Activities.Issuance.Timestamps;

/// <summary>The time-stamping authority (configuration section <c>Issuance:Timestamps</c>).</summary>
public sealed class TimestampOptions
{
    public const string SectionName = "Issuance:Timestamps";

    /// <summary>A real TSA's RFC 3161 HTTP address; empty: the local development TSA in this process.</summary>
    public string? Url { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
