namespace SmartKiosk.Workflows.Attributes;

/// <summary>
/// Default retry policy of an activity type (a flaky OCR call, a remote register). Each node can
/// override it with the inputs <c>RetryMaxAttempts</c> and <c>RetryBackoff</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class RetryAttribute : Attribute
{
    /// <summary>Attempts in all, the first included; 1 means no retry.</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>Wait before the first retry; doubled for each further one.</summary>
    public int BackoffSeconds { get; init; } = 10;
}
