namespace SmartKiosk.Workflows.Serialization;

/// <summary>The definition could not be read at all (malformed, too large, too deep).</summary>
public sealed class DefinitionFormatException : Exception
{
    public DefinitionFormatException(string code, string message, Exception? inner = null)
        : base(message, inner) => Code = code;

    public DefinitionFormatException()
        : this("malformed", "The definition could not be read.")
    {
    }

    public DefinitionFormatException(string message)
        : this("malformed", message)
    {
    }

    public DefinitionFormatException(string message, Exception inner)
        : this("malformed", message, inner)
    {
    }

    /// <summary>Stable machine-readable reason: malformed, too-large, too-deep, empty, null.</summary>
    public string Code { get; }

    public static DefinitionFormatException TooLarge(int maxBytes) =>
        new("too-large", $"The definition is larger than the limit of {maxBytes / 1024} KB.");
}
