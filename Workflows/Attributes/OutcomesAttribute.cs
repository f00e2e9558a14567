namespace SmartKiosk.Workflows.Attributes;

/// <summary>
/// The flow ports of an activity. Fixed names, or a provider that derives them from the node's
/// literal inputs (a Switch's cases, a Fork's branches).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class OutcomesAttribute(params string[] names) : Attribute
{
    public IReadOnlyList<string> Names { get; } = names;

    /// <summary>A type implementing <see cref="Contracts.IOutcomeProvider"/>.</summary>
    public Type? Provider { get; init; }
}
