namespace SmartKiosk.Workflows.Runtime;

/// <summary>A start or resume the runtime refuses; <see cref="Reason"/> maps to an HTTP status.</summary>
public sealed class WorkflowRuntimeException : Exception
{
    public WorkflowRuntimeException(RuntimeErrorReason reason, string message)
        : base(message) => Reason = reason;

    public WorkflowRuntimeException()
        : this(RuntimeErrorReason.Conflict, "The workflow operation was refused.")
    {
    }

    public WorkflowRuntimeException(string message)
        : this(RuntimeErrorReason.Conflict, message)
    {
    }

    public WorkflowRuntimeException(string message, Exception inner)
        : base(message, inner) => Reason = RuntimeErrorReason.Conflict;

    public RuntimeErrorReason Reason { get; }
}

public enum RuntimeErrorReason
{
    /// <summary>No such definition, binding, instance or bookmark.</summary>
    NotFound,

    /// <summary>The instance is not in a state that allows it, or an idempotency key was reused for another request.</summary>
    Conflict,

    /// <summary>The request itself is wrong.</summary>
    Invalid,

    /// <summary>The caller may not do this (e.g. complete a task assigned to someone else).</summary>
    Forbidden,
}
