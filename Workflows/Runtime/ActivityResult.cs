namespace SmartKiosk.Workflows.Runtime;

/// <summary>What an execution of an activity decided: continue on outcomes, wait, end the workflow, or fault.</summary>
public sealed class ActivityResult
{
    private ActivityResult(ActivityResultKind kind, IReadOnlyList<string> outcomes, IReadOnlyList<BookmarkRequest> bookmarks, string? faultMessage)
    {
        Kind = kind;
        Outcomes = outcomes;
        Bookmarks = bookmarks;
        FaultMessage = faultMessage;
    }

    public const string DoneOutcome = "Done";

    public ActivityResultKind Kind { get; }
    public IReadOnlyList<string> Outcomes { get; }
    public IReadOnlyList<BookmarkRequest> Bookmarks { get; }
    public string? FaultMessage { get; }

    public static ActivityResult Done() => Complete(DoneOutcome);

    public static ActivityResult Complete(params string[] outcomes) =>
        new(ActivityResultKind.Completed, outcomes, [], null);

    public static ActivityResult Suspend(params BookmarkRequest[] bookmarks) =>
        bookmarks.Length == 0
            ? throw new ArgumentException("An activity that waits needs at least one bookmark.", nameof(bookmarks))
            : new(ActivityResultKind.Suspended, [], bookmarks, null);

    /// <summary>After a resume: the activity goes on waiting on the bookmarks it still has (e.g. a task after its escalation).</summary>
    public static ActivityResult KeepWaiting() => new(ActivityResultKind.Suspended, [], [], null);

    public static ActivityResult EndWorkflow() => new(ActivityResultKind.EndWorkflow, [], [], null);

    public static ActivityResult Fault(string message) => new(ActivityResultKind.Faulted, [], [], message);

    /// <summary>
    /// Refuses a resume (e.g. a stale task revision): the run is discarded without a commit and the
    /// caller gets a conflict; the instance keeps waiting as it was.
    /// </summary>
    public static ActivityResult RejectResume(string reason) => new(ActivityResultKind.Rejected, [], [], reason);
}

public enum ActivityResultKind
{
    Completed,
    Suspended,
    EndWorkflow,
    Faulted,
    Rejected,
}
