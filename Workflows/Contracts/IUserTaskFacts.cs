using SmartKiosk.Workflows.UserTasks;

namespace SmartKiosk.Workflows.Contracts;

/// <summary>Reads tasks for statistics, oldest first, in chunks: a month of a city's tasks never sits in memory at once.</summary>
public interface IUserTaskFacts
{
    IAsyncEnumerable<UserTaskFact> ReadAsync(UserTaskFactQuery query, CancellationToken cancellationToken);
}
