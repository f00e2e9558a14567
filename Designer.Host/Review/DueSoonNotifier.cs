using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using SmartKiosk.Activities.Delivery.Email;
using SmartKiosk.Designer.Host.Identity;
using SmartKiosk.Workflows.Activities.UserTasks;
using SmartKiosk.Workflows.Dispatch;
using SmartKiosk.Workflows.Scheduling;

namespace SmartKiosk.Designer.Host.Review;

/// <summary>
/// Tells the officers of an agency that a review task nears its legal deadline (the engine announces it
/// on the work queue when the task's due-soon timer fires): one e-mail to the agency's clerks and the
/// assignee, with a stable Message-ID so a resend after a crash is recognisable as the same notice.
/// </summary>
public sealed class DueSoonNotifier(
    WorkQueue queue,
    Workflows.Contracts.IUserTaskService tasks,
    IServiceScopeFactory scopes,
    IOptions<EmailOptions> email,
    IOptions<Activities.Hosting.DataFolderOptions> data,
    BusinessCalendar calendar,
    TimeProvider time,
    ILogger<DueSoonNotifier> logger)
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private const int MaxAttempts = 10;
    private readonly string _worker = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>Sends the notices that are due; returns how many went out.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        foreach (var item in await queue.ClaimAsync(UserTask.DueSoonTopic, _worker, Lease, 10, cancellationToken))
        {
            try
            {
                if (await SendAsync(item, cancellationToken))
                {
                    sent++;
                }
                await queue.CompleteAsync(item.Id, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                if (item.Attempts + 1 >= MaxAttempts)
                {
                    // The task itself stays urgent at the top of every inbox; only the e-mail is given up.
                    logger.LogError(ex, "The due-soon notice of work item {WorkItemId} failed {Attempts} times; given up", item.Id, item.Attempts + 1);
                    await queue.CompleteAsync(item.Id, cancellationToken);
                    continue;
                }
                logger.LogWarning(ex, "The due-soon notice of work item {WorkItemId} failed; it is retried", item.Id);
                await queue.FailAsync(item.Id, ex.Message, time.GetUtcNow().UtcDateTime.AddMinutes(1), cancellationToken);
            }
        }
        return sent;
    }

    private async Task<bool> SendAsync(WorkItem item, CancellationToken cancellationToken)
    {
        var payload = item.Payload!;
        var taskId = payload["taskId"]!.GetValue<string>();
        var scope = payload["scope"]?.GetValue<string>();
        var role = payload["role"]?.GetValue<string>() ?? Roles.Clerk;
        var assignee = payload["assignee"]?.GetValue<string>();
        if (Guid.TryParse(taskId, out var id) && await tasks.GetAsync(id, cancellationToken) is { Status: not (Workflows.Persistence.Entities.UserTaskStatus.Open or Workflows.Persistence.Entities.UserTaskStatus.Claimed) })
        {
            return false;
        }
        var recipients = await RecipientsAsync(scope, role, assignee, cancellationToken);
        if (recipients.Count == 0)
        {
            logger.LogWarning("Task {TaskId} nears its deadline but nobody of {Scope} has an e-mail address to tell", taskId, scope);
            return false;
        }

        var due = payload["dueAt"]?.GetValue<string>() is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? TimeZoneInfo.ConvertTime(at, calendar.Zone).ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture)
            : "—";
        var title = payload["title"]?.GetValue<string>() ?? taskId;
        var message = new MimeMessage
        {
            MessageId = $"due-soon-{taskId}@smartkiosk.local",
            Subject = $"Sắp hết hạn / Due soon: {title}",
            Body = new TextPart("plain")
            {
                Text = $"Hồ sơ \"{title}\" sắp hết hạn xử lý (hạn {due}). Vui lòng mở hộp việc: /tasks/{taskId}\n\n"
                    + $"The dossier \"{title}\" is due at {due}. Please open it in the review inbox: /tasks/{taskId}\n",
            },
        };
        message.From.Add(MailboxAddress.Parse(email.Value.From));
        message.To.AddRange(recipients);
        await MailTransports.For(email.Value, data.Value.Path).SendAsync(message, cancellationToken);
        logger.LogInformation("Told {Recipients} people that task {TaskId} is due at {Due}", recipients.Count, taskId, due);
        return true;
    }

    /// <summary>The agency's members of the task's role, and the assignee, who have an e-mail address.</summary>
    private async Task<IReadOnlyList<MailboxAddress>> RecipientsAsync(string? agency, string role, string? assignee, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<BackOfficeUser>>();
        var members = await users.GetUsersInRoleAsync(role);
        var chosen = members.Where(u => agency is null || u.AgencyId == agency).ToList();
        if (assignee is not null && chosen.All(u => u.UserName != assignee) && await users.Users.FirstOrDefaultAsync(u => u.UserName == assignee, cancellationToken) is { } person)
        {
            chosen.Add(person);
        }
        var addresses = new List<MailboxAddress>();
        foreach (var user in chosen)
        {
            // An address that does not parse is skipped, not a reason to tell nobody.
            if (user.Email is { Length: > 0 } email && MailboxAddress.TryParse(email, out var address) && !await users.IsLockedOutAsync(user)
                && addresses.All(a => a.Address != address.Address))
            {
                addresses.Add(address);
            }
        }
        return addresses;
    }
}
