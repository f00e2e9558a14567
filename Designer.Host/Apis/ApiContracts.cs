using System.Text.Json.Nodes;
using SmartKiosk.Workflows.Definitions;
using SmartKiosk.Workflows.Models;

namespace SmartKiosk.Designer.Host.Apis;

/// <summary>Body of POST /api/instances.</summary>
public sealed record StartInstanceBody(string? DefinitionId, string? BindingKey, JsonObject? Input, string? CorrelationId);

/// <summary>Body of POST /api/signals/{signal}.</summary>
public sealed record SignalBody(string? CorrelationId, JsonNode? Payload);

/// <summary>Body of PUT /api/bindings/{key}.</summary>
public sealed record BindingBody(string DefinitionId);

/// <summary>Who is signed in.</summary>
public sealed record MeResponse(string UserName, IReadOnlyList<string> Roles, string FullName, string? AgencyId, string? OfficerId);

/// <summary>The latest version of a workflow compared with an earlier one (null: there is none, everything is new).</summary>
public sealed record DefinitionChanges(int? SinceVersion, int LatestVersion, IReadOnlyList<DefinitionChange> Changes);

/// <summary>An expression to try and the sample data it sees: <c>{input, variables, outputs, correlationId}</c>.</summary>
public sealed record ExpressionTestBody(InputExpression? Expression, JsonObject? Sample);
