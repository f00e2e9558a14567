using SmartKiosk.Workflows.Persistence.Entities;

namespace SmartKiosk.Designer.Host.Review;

/// <summary>One line of the inbox: enough to choose and order work, no citizen's personal data.</summary>
public sealed record InboxItem(
    Guid TaskId,
    string? DossierId,
    string Title,
    string? ReceiptCode,
    string? DocumentType,
    string? Kiosk,
    UserTaskStatus Status,
    string? Assignee,
    string Priority,
    DateTime CreatedAt,
    DateTime? DueAt,
    SlaState Sla,
    bool Clear,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<string> Actions,
    int Revision);

/// <summary>A page of the inbox, how many match in all, and how many there are per status under the same filters.</summary>
public sealed record InboxPage(IReadOnlyList<InboxItem> Items, int Total, int Skip, int Take, IReadOnlyDictionary<UserTaskStatus, int> Counts);
