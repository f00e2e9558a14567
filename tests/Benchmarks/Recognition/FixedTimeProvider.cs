namespace SmartKiosk.Benchmarks.Recognition;

/// <summary>A clock stopped at one instant (the bench has no Microsoft.Extensions.TimeProvider.Testing dependency).</summary>
public sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
}
