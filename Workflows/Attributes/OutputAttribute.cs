namespace SmartKiosk.Workflows.Attributes;

/// <summary>Marks a property as an activity output, readable by later activities as <c>outputs.&lt;id&gt;.&lt;name&gt;</c>.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class OutputAttribute : Attribute
{
    public string? DisplayName { get; init; }
    public string? Description { get; init; }
    public bool IsPersonalData { get; init; }
}
