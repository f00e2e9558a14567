using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SmartKiosk.Designer.Host.Identity;
using SmartKiosk.Workflows.Contracts;
using SmartKiosk.Workflows.Definitions;
using SmartKiosk.Workflows.Models;
using SmartKiosk.Workflows.Options;
using SmartKiosk.Workflows.Serialization;

namespace SmartKiosk.Designer.Host.Apis;

/// <summary>Workflow definitions: drafts, versions, publishing and bindings to document types.</summary>
public static class DefinitionsApi
{
    public static RouteGroupBuilder MapDefinitionsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/definitions").WithTags("Definitions").RequireAuthorization(Policies.Oversee);

        group.MapGet("/", (IWorkflowDefinitionStore store, CancellationToken ct) => store.ListAsync(ct));
        group.MapGet("/{definitionId}", GetAsync);
        group.MapGet("/{definitionId}/versions", (string definitionId, IWorkflowDefinitionStore store, CancellationToken ct) => store.ListVersionsAsync(definitionId, ct));

        group.MapPost("/", SaveDraftAsync).RequireAuthorization(Policies.Administer);
        group.MapPost("/validate", ValidateAsync).RequireAuthorization(Policies.Administer);
        group.MapPost("/{definitionId}/publish", (string definitionId, HttpContext http, IWorkflowDefinitionStore store, CancellationToken ct) =>
            store.PublishAsync(definitionId, http.Actor(), ct)).RequireAuthorization(Policies.Administer);
        group.MapPost("/{definitionId}/retract", (string definitionId, HttpContext http, IWorkflowDefinitionStore store, CancellationToken ct) =>
            store.RetractAsync(definitionId, http.Actor(), ct)).RequireAuthorization(Policies.Administer);
        group.MapPost("/{definitionId}/versions/{version:int}/revert", (string definitionId, int version, HttpContext http, IWorkflowDefinitionStore store, CancellationToken ct) =>
            store.RevertAsync(definitionId, version, http.Actor(), ct)).RequireAuthorization(Policies.Administer);

        var bindings = app.MapGroup("/api/bindings").WithTags("Definitions").RequireAuthorization(Policies.Oversee);
        bindings.MapGet("/", (IWorkflowDefinitionStore store, CancellationToken ct) => store.ListBindingsAsync(ct));
        bindings.MapPut("/{key}", (string key, BindingBody body, HttpContext http, IWorkflowDefinitionStore store, CancellationToken ct) =>
            store.SetBindingAsync(key, body.DefinitionId, http.Actor(), ct)).RequireAuthorization(Policies.Administer);
        return group;
    }

    private static async Task<Results<Ok<WorkflowDefinition>, NotFound>> GetAsync(string definitionId, int? version, IWorkflowDefinitionStore store, CancellationToken ct) =>
        await store.GetAsync(definitionId, version, ct) is { } definition ? TypedResults.Ok(definition) : TypedResults.NotFound();

    /// <summary>The body is read by the engine's bounded reader: an oversize or deeply nested document is refused before it is buffered.</summary>
    private static async Task<Ok<DefinitionVersionInfo>> SaveDraftAsync(HttpRequest request, HttpContext http, IWorkflowDefinitionStore store, IOptions<WorkflowsOptions> options, CancellationToken ct)
    {
        var definition = await WorkflowJson.DeserializeAsync(request.Body, ct, options.Value.MaxDefinitionBytes);
        return TypedResults.Ok(await store.SaveDraftAsync(definition, http.Actor(), ct));
    }

    private static async Task<Ok<DefinitionValidationResult>> ValidateAsync(HttpRequest request, IWorkflowDefinitionStore store, IOptions<WorkflowsOptions> options, CancellationToken ct)
    {
        var definition = await WorkflowJson.DeserializeAsync(request.Body, ct, options.Value.MaxDefinitionBytes);
        return TypedResults.Ok(store.Validate(definition));
    }
}
