namespace SmartKiosk.Workflows.Attributes;

/// <summary>Marks a property as an activity input; the runtime evaluates its expression before execution.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class InputAttribute : Attribute
{
    public string? DisplayName { get; init; }
    public string? Description { get; init; }

    /// <summary>How the designer edits it: singleline, multiline, code, checkbox, dropdown, json, string-list.</summary>
    public string? UIHint { get; init; }

    public bool Required { get; init; }

    /// <summary>Default value as JSON text, used when the definition leaves the input out.</summary>
    public string? DefaultJson { get; init; }

    /// <summary>Expression syntax the designer offers first.</summary>
    public string DefaultSyntax { get; init; } = Models.ExpressionSyntax.Literal;

    /// <summary>True when only a literal makes sense (it shapes the graph, e.g. a Switch's cases).</summary>
    public bool LiteralOnly { get; init; }

    /// <summary>Options for dropdowns.</summary>
    public string[]? Options { get; init; }

    /// <summary>Regular expression a literal string value must match.</summary>
    public string? Pattern { get; init; }

    /// <summary>Personal data is redacted from the journal.</summary>
    public bool IsPersonalData { get; init; }
}
