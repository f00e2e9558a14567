namespace SmartKiosk.Workflows.Definitions;

/// <summary>A definition was refused; nothing was stored.</summary>
public sealed class DefinitionValidationException : Exception
{
    public DefinitionValidationException(IReadOnlyList<ValidationError> errors)
        : base(Summarise(errors)) => Errors = errors;

    public DefinitionValidationException()
        : this([])
    {
    }

    public DefinitionValidationException(string message)
        : this([new ValidationError("invalid", message)])
    {
    }

    public DefinitionValidationException(string message, Exception inner)
        : base(message, inner) => Errors = [new ValidationError("invalid", message)];

    public IReadOnlyList<ValidationError> Errors { get; }

    private static string Summarise(IReadOnlyList<ValidationError> errors) => errors.Count switch
    {
        0 => "The definition is not valid.",
        1 => errors[0].Message,
        _ => $"The definition has {errors.Count} problems, the first: {errors[0].Message}",
    };
}
