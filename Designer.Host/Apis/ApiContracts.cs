using System.Text.Json.Nodes;

namespace SmartKiosk.Designer.Host.Apis;

/// <summary>Body of POST /api/instances.</summary>
public sealed record StartInstanceBody(string? DefinitionId, string? BindingKey, JsonObject? Input, string? CorrelationId);

/// <summary>Body of POST /api/signals/{signal}.</summary>
public sealed record SignalBody(string? CorrelationId, JsonNode? Payload);

/// <summary>Body of PUT /api/bindings/{key}.</summary>
public sealed record BindingBody(string DefinitionId);

/// <summary>Who is signed in.</summary>
public sealed record MeResponse(string UserName, IReadOnlyList<string> Roles, string FullName, string? AgencyId, string? OfficerId);
