using System.Net;
using System.Text.Json.Nodes;

namespace SmartKiosk.Samples.KioskSimulator.Client;

/// <summary>The gateway refused a call: its status and the problem details it sent.</summary>
public sealed class KioskApiException(HttpStatusCode status, JsonObject? problem)
    : Exception($"{(int)status} {problem?["title"]}: {problem?["detail"]}")
{
    public HttpStatusCode Status { get; } = status;
    public JsonObject? Problem { get; } = problem;
    public string? Code => Problem?["code"]?.GetValue<string>();
}
