using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SmartKiosk.Designer.Host.Identity;
using SmartKiosk.Workflows.Contracts;
using SmartKiosk.Workflows.Definitions;
using SmartKiosk.Workflows.Models;
using SmartKiosk.Workflows.Options;
using SmartKiosk.Workflows.Persistence.Entities;
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
        group.MapGet("/{definitionId}/changes", ChangesAsync)
            .WithSummary("What the latest version changes since another (by default the published one): activities, inputs, connections, variables.");

        group.MapPost("/", SaveDraftAsync).RequireAuthorization(Policies.Administer)
            .WithSummary("Saves the latest draft. With ?expectedRevision= the save is refused (409) when someone else changed the workflow since.");
        group.MapPost("/import", ImportAsync).RequireAuthorization(Policies.Administer)
            .WithSummary("Stores an exported workflow as a new definition; a foreign or hostile document is refused (422) and nothing is stored.");
        group.MapDelete("/{definitionId}/draft", DeleteDraftAsync).RequireAuthorization(Policies.Administer)
            .WithSummary("Deletes the latest version if it is a draft; the version before it becomes the latest again. With ?expectedRevision= a draft saved since is kept (409).");
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
    private static async Task<Ok<DefinitionVersionInfo>> SaveDraftAsync(
        HttpRequest request, int? expectedRevision, HttpContext http, IWorkflowDefinitionStore store, IOptions<WorkflowsOptions> options, CancellationToken ct)
    {
        var definition = await WorkflowJson.DeserializeAsync(request.Body, ct, options.Value.MaxDefinitionBytes);
        return TypedResults.Ok(expectedRevision is null
            ? await store.SaveDraftAsync(definition, http.Actor(), ct)
            : await store.SaveDraftAsync(definition, http.Actor(), expectedRevision, ct));
    }

    private static async Task<Created<DefinitionVersionInfo>> ImportAsync(
        HttpRequest request, HttpContext http, IWorkflowDefinitionStore store, IOptions<WorkflowsOptions> options, CancellationToken ct)
    {
        var definition = await WorkflowJson.DeserializeAsync(request.Body, ct, options.Value.MaxDefinitionBytes);
        var info = await store.ImportAsync(definition, http.Actor(), ct);
        return TypedResults.Created($"/api/definitions/{Uri.EscapeDataString(info.DefinitionId)}", info);
    }

    private static async Task<Results<Ok<DefinitionVersionInfo>, NoContent>> DeleteDraftAsync(
        string definitionId, int? expectedRevision, HttpContext http, IWorkflowDefinitionStore store, CancellationToken ct) =>
        await store.DeleteDraftAsync(definitionId, http.Actor(), ct, expectedRevision) is { } latest ? TypedResults.Ok(latest) : TypedResults.NoContent();

    private static async Task<Results<Ok<DefinitionChanges>, NotFound>> ChangesAsync(string definitionId, int? since, IWorkflowDefinitionStore store, CancellationToken ct)
    {
        if (await store.GetAsync(definitionId, null, ct) is not { } latest)
        {
            return TypedResults.NotFound();
        }

        var sinceVersion = since ?? (await store.ListVersionsAsync(definitionId, ct)).FirstOrDefault(v => v.State == DefinitionVersionState.Published)?.Version;
        var before = sinceVersion is { } v ? await store.GetAsync(definitionId, v, ct) : null;
        if (sinceVersion is not null && before is null)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(new DefinitionChanges(sinceVersion, latest.Version, DefinitionDiff.Compare(before, latest)));
    }

    private static async Task<Ok<DefinitionValidationResult>> ValidateAsync(HttpRequest request, IWorkflowDefinitionStore store, IOptions<WorkflowsOptions> options, CancellationToken ct)
    {
        var definition = await WorkflowJson.DeserializeAsync(request.Body, ct, options.Value.MaxDefinitionBytes);
        return TypedResults.Ok(store.Validate(definition));
    }
}
