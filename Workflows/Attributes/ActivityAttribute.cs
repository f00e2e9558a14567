namespace SmartKiosk.Workflows.Attributes;

/// <summary>Describes an activity class for the toolbox; the type name is what definitions store.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ActivityAttribute(string type) : Attribute
{
    /// <summary>Stable type name used in definition JSON, e.g. <c>Decision</c> or <c>Recognition.Ocr</c>.</summary>
    public string Type { get; } = type;

    public int Version { get; init; } = 1;
    public string Category { get; init; } = "General";
    public string? DisplayName { get; init; }
    public string? Description { get; init; }
}
