namespace SmartKiosk.Workflows.Definitions;

/// <summary>One problem in a definition, naming the node, port or input it concerns.</summary>
public sealed record ValidationError(string Code, string Message, string? ActivityId = null, string? Port = null, string? Input = null);

/// <summary>The problems found; a definition with none can be published.</summary>
public sealed record DefinitionValidationResult(IReadOnlyList<ValidationError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
