namespace SmartKiosk.Workflows.Options;

/// <summary>The engine-wide retry default, for activity types without a [Retry] attribute.</summary>
public sealed class RetryOptions
{
    public int MaxAttempts { get; set; } = 1;
    public TimeSpan Backoff { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Exponential backoff never waits longer than this.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(1);
}
