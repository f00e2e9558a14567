namespace SmartKiosk.Designer.Host.Review;

/// <summary>
/// The inbox's filters as the screen and the API take them. <see cref="Status"/>: active (default: open
/// and claimed), open, claimed, completed, expired, cancelled or all. <see cref="Due"/>: overdue, today
/// or soon. <see cref="Review"/>: clear or doubtful. <see cref="Sort"/>: urgency (default), due, oldest, newest.
/// </summary>
public sealed record InboxFilter
{
    public string? Status { get; init; }
    public string? DocumentType { get; init; }
    public string? Kiosk { get; init; }
    public string? Due { get; init; }
    public string? Reason { get; init; }
    public string? Review { get; init; }
    public string? Search { get; init; }
    public bool? Mine { get; init; }
    public string? Sort { get; init; }
    public int? Skip { get; init; }
    public int? Take { get; init; }
}
