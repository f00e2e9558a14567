using SmartKiosk.Designer.Host.Identity;
using SmartKiosk.Workflows.Contracts;
using SmartKiosk.Workflows.Scheduling;
using SmartKiosk.Workflows.Persistence.Entities;
using SmartKiosk.Workflows.UserTasks;

namespace SmartKiosk.Designer.Host.Review;

/// <summary>
/// The clerks' inbox over the engine's user tasks: only the account's agency, filtered by what the
/// certification workflows label their tasks with (document type, kiosk, review reasons, clear or
/// doubtful), with totals and counts per status, and each task's standing against its deadline.
/// </summary>
public sealed class TaskInbox(IUserTaskService tasks, BusinessCalendar calendar, TimeProvider time)
{
    public const int MaxTake = 100;

    /// <summary>The label names the default certification workflows give their approval tasks.</summary>
    public static class Labels
    {
        public const string DocumentType = "documentType";
        public const string Kiosk = "kiosk";
        public const string Receipt = "receipt";
        public const string Review = "review";
        public const string Reason = "reason";
        public const string Clear = "clear";
    }

    private static readonly UserTaskStatus[] Active = [UserTaskStatus.Open, UserTaskStatus.Claimed];

    public async Task<InboxPage> ListAsync(BackOfficeActor actor, InboxFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(filter);
        var query = Query(actor, filter);
        var page = await tasks.PageAsync(query, cancellationToken);
        var counts = await tasks.CountByStatusAsync(query, cancellationToken);
        var now = time.GetUtcNow();
        return new InboxPage([.. page.Items.Select(t => Item(t, now))], page.Total, query.Skip, query.Take, counts);
    }

    public InboxItem Item(UserTaskView task, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(task);
        return new InboxItem(
            task.Id,
            task.CorrelationId,
            task.Title,
            One(task, Labels.Receipt),
            One(task, Labels.DocumentType),
            One(task, Labels.Kiosk),
            task.Status,
            task.Assignee,
            task.Priority,
            task.CreatedAt,
            task.DueAt,
            Sla.Of(task, now),
            One(task, Labels.Review) == Labels.Clear,
            task.Labels.GetValueOrDefault(Labels.Reason) ?? [],
            task.Actions,
            task.Revision);
    }

    private UserTaskQuery Query(BackOfficeActor actor, InboxFilter filter)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        void Label(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                labels[name] = value.Trim();
            }
        }
        Label(Labels.DocumentType, filter.DocumentType);
        Label(Labels.Kiosk, filter.Kiosk);
        Label(Labels.Reason, filter.Reason);
        Label(Labels.Review, filter.Review switch
        {
            null or "" => null,
            "clear" or "doubtful" => filter.Review,
            _ => throw new ReviewException(ReviewError.Invalid, $"Review filter '{filter.Review}' is not clear or doubtful."),
        });

        var now = time.GetUtcNow();
        var (dueBefore, escalated) = filter.Due switch
        {
            null or "" => ((DateTime?)null, (bool?)null),
            "overdue" => (now.UtcDateTime, null),
            "today" => (EndOfToday(now), null),
            "soon" => (null, true),
            _ => throw new ReviewException(ReviewError.Invalid, $"Due filter '{filter.Due}' is not overdue, today or soon."),
        };
        var statuses = (filter.Status ?? "active") switch
        {
            "active" => Active,
            "all" => [],
            var s when Enum.TryParse<UserTaskStatus>(s, ignoreCase: true, out var one) && Enum.IsDefined(one) => [one],
            var s => throw new ReviewException(ReviewError.Invalid, $"Status '{s}' is not active, all, open, claimed, completed, expired or cancelled."),
        };
        var sort = (filter.Sort ?? "urgency") switch
        {
            "urgency" => UserTaskSort.Urgency,
            "due" => UserTaskSort.DueAt,
            "oldest" => UserTaskSort.CreatedAt,
            "newest" => UserTaskSort.CreatedAtDescending,
            var s => throw new ReviewException(ReviewError.Invalid, $"Sort '{s}' is not urgency, due, oldest or newest."),
        };
        if (filter.Search is { Length: > 100 })
        {
            throw new ReviewException(ReviewError.Invalid, "The search text is longer than 100 characters.");
        }

        return new UserTaskQuery(
            Roles: actor.IsAdmin || actor.IsAuditor ? null : actor.Roles,
            Assignee: filter.Mine == true ? actor.UserName : null,
            Statuses: statuses,
            Skip: Math.Max(0, filter.Skip ?? 0),
            Take: Math.Clamp(filter.Take ?? 25, 1, MaxTake))
        {
            Scopes = actor.VisibleAgencies,
            Labels = labels,
            // Receipt codes are printed in capitals; a clerk types them as they come.
            Search = string.IsNullOrWhiteSpace(filter.Search) ? null : filter.Search.Trim().ToUpperInvariant(),
            DueBefore = dueBefore,
            Escalated = escalated,
            Sort = sort,
        };
    }

    private DateTime EndOfToday(DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, calendar.Zone);
        var midnight = new DateTimeOffset(local.Date.AddDays(1), local.Offset);
        return midnight.UtcDateTime;
    }

    private static string? One(UserTaskView task, string label) =>
        task.Labels.TryGetValue(label, out var values) && values.Count > 0 ? values[0] : null;
}
