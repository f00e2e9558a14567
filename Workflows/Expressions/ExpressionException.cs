namespace SmartKiosk.Workflows.Expressions;

/// <summary>An expression could not be evaluated; the message names the activity and input.</summary>
public sealed class ExpressionException : Exception
{
    public ExpressionException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }

    public ExpressionException()
        : this("The expression could not be evaluated.")
    {
    }

    public ExpressionException(string message)
        : this(message, null)
    {
    }
}
