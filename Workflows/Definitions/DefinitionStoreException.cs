namespace SmartKiosk.Workflows.Definitions;

/// <summary>A definition operation that cannot be done: no such definition or version, or a state that forbids it.</summary>
public sealed class DefinitionStoreException : Exception
{
    public DefinitionStoreException(bool notFound, string message)
        : base(message) => NotFound = notFound;

    public DefinitionStoreException()
        : this(false, "The definition operation was refused.")
    {
    }

    public DefinitionStoreException(string message)
        : this(false, message)
    {
    }

    public DefinitionStoreException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public bool NotFound { get; }
}
