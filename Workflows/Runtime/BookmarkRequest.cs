using System.Text.Json.Nodes;

namespace SmartKiosk.Workflows.Runtime;

/// <summary>
/// A request to wait. <paramref name="Name"/> is the kind of stimulus (e.g. <c>Signal</c>),
/// <paramref name="Stimulus"/> what exactly is awaited (the signal's name) and
/// <paramref name="CorrelationId"/> whose (a dossier id); together they are the lookup key.
/// With <see cref="DueAt"/> the bookmark is also a timer: it is resumed when that time comes.
/// </summary>
public sealed record BookmarkRequest(string Name, string Stimulus, string? CorrelationId, JsonNode? Data = null)
{
    public DateTimeOffset? DueAt { get; init; }
}
