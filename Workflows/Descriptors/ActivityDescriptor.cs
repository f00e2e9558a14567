using System.Text.Json.Serialization;
using SmartKiosk.Workflows.Contracts;
using SmartKiosk.Workflows.Models;

namespace SmartKiosk.Workflows.Descriptors;

/// <summary>Everything the designer, the validator and the runtime need to know about an activity type.</summary>
public sealed class ActivityDescriptor
{
    public required string Type { get; init; }
    public required int Version { get; init; }
    public required string Category { get; init; }
    public required string DisplayName { get; init; }
    public string? Description { get; init; }
    public required IReadOnlyList<InputDescriptor> Inputs { get; init; }
    public required IReadOnlyList<OutputDescriptor> Outputs { get; init; }

    /// <summary>Fixed outcomes; dynamic ones are added per node by <see cref="GetOutcomes"/>.</summary>
    public required IReadOnlyList<string> Outcomes { get; init; }

    public bool HasDynamicOutcomes => OutcomeProvider is not null;

    [JsonIgnore]
    public Type ClrType { get; init; } = null!;

    [JsonIgnore]
    public IOutcomeProvider? OutcomeProvider { get; init; }

    public IReadOnlyList<string> GetOutcomes(ActivityNode node) =>
        OutcomeProvider is null ? Outcomes : [.. Outcomes, .. OutcomeProvider.GetOutcomes(node)];

    public InputDescriptor? FindInput(string name) =>
        Inputs.FirstOrDefault(i => string.Equals(i.Name, name, StringComparison.Ordinal));
}
