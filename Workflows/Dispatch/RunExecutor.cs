using SmartKiosk.Workflows.Contracts;
using SmartKiosk.Workflows.Runtime;

namespace SmartKiosk.Workflows.Dispatch;

/// <summary>
/// Runs one queued request on this node. A request without a key gets one from its queue id, so a
/// run taken over after its first node committed and died is a replay, not a second run.
/// </summary>
public sealed class RunExecutor(IWorkflowRuntime runtime)
{
    public async Task<IReadOnlyList<WorkflowRunResult>> ExecuteAsync(Guid runId, RunRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = "run:" + runId.ToString("N");
        return request.Kind switch
        {
            RunRequest.StartKind when request.Start is { } start =>
                [await runtime.StartAsync(start with { IdempotencyKey = start.IdempotencyKey ?? key }, cancellationToken)],
            RunRequest.ResumeKind when request.Resume is { } resume =>
                [await runtime.ResumeAsync(resume with { IdempotencyKey = resume.IdempotencyKey ?? key }, cancellationToken)],
            RunRequest.SignalKind when request.Signal is { } signal =>
                await runtime.SignalAsync(signal with { IdempotencyKey = signal.IdempotencyKey ?? key }, cancellationToken),
            RunRequest.RetryKind when request.RetryInstanceId is { } instanceId =>
                [await runtime.RetryAsync(instanceId, cancellationToken)],
            _ => throw new WorkflowRuntimeException(RuntimeErrorReason.Invalid, $"Run request of kind '{request.Kind}' is incomplete."),
        };
    }
}
