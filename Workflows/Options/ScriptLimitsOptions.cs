namespace SmartKiosk.Workflows.Options;

/// <summary>Limits on one JavaScript evaluation: expressions are written by administrators, run by the engine.</summary>
public sealed class ScriptLimitsOptions
{
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMilliseconds(500);
    public int MaxStatements { get; set; } = 50_000;
    public long MaxMemoryBytes { get; set; } = 16 * 1024 * 1024;
    public int MaxRecursion { get; set; } = 64;
}
