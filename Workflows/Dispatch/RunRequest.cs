using System.Text.Json;
using SmartKiosk.Workflows.Runtime;

namespace SmartKiosk.Workflows.Dispatch;

/// <summary>One run of the engine as it is queued: exactly one of the requests is set.</summary>
public sealed record RunRequest
{
    public const string StartKind = "start";
    public const string ResumeKind = "resume";
    public const string SignalKind = "signal";
    public const string RetryKind = "retry";

    public string Kind { get; init; } = "";
    public StartWorkflowRequest? Start { get; init; }
    public ResumeBookmarkRequest? Resume { get; init; }
    public SignalRequest? Signal { get; init; }

    /// <summary>The instance to retry.</summary>
    public Guid? RetryInstanceId { get; init; }

    public static RunRequest For(StartWorkflowRequest request) => new() { Kind = StartKind, Start = request };

    public static RunRequest For(ResumeBookmarkRequest request) => new() { Kind = ResumeKind, Resume = request };

    public static RunRequest For(SignalRequest request) => new() { Kind = SignalKind, Signal = request };

    public static RunRequest ForRetry(Guid instanceId) => new() { Kind = RetryKind, RetryInstanceId = instanceId };

    internal string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    internal static RunRequest FromJson(string json) =>
        JsonSerializer.Deserialize<RunRequest>(json, JsonOptions) ?? throw new JsonException("A run request is empty.");

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}
