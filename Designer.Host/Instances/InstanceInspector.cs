using System.Text.Json.Nodes;
using SmartKiosk.Activities.Dossiers;
using SmartKiosk.Designer.Host.Identity;
using SmartKiosk.Workflows.Contracts;
using SmartKiosk.Workflows.Models;
using SmartKiosk.Workflows.Queries;

namespace SmartKiosk.Designer.Host.Instances;

/// <summary>
/// Reads instances for the viewer and the API, within what the account may see: an account bound to an agency sees
/// only its agency's dossiers' instances (and none started without a dossier). Variables declared as personal data are
/// masked for everyone but administrators; the journal masks personal inputs and outputs itself.
/// </summary>
public sealed class InstanceInspector(IWorkflowInstanceQueries queries, IWorkflowDefinitionStore definitions, DossierStore dossiers)
{
    public const string Masked = "***";

    public async Task<IReadOnlyList<InstanceLine>> ListAsync(InstanceListFilter filter, BackOfficeActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(actor);
        var lines = new List<InstanceLine>();
        if (filter.DeviceId is not null || filter.DocumentType is not null || actor.VisibleAgencies is not null)
        {
            // Starting from the dossiers: the engine knows neither kiosks nor document types nor agencies.
            var found = await dossiers.ListAsync(filter.DeviceId, filter.DocumentType, actor.VisibleAgencies, filter.CreatedFrom, filter.CreatedTo, filter.Take * 4, cancellationToken);
            foreach (var dossier in found.Where(d => d.InstanceId is not null))
            {
                if (await queries.GetAsync(dossier.InstanceId!.Value, cancellationToken) is { } view
                    && (filter.Status is null || view.Status == filter.Status)
                    && (filter.DefinitionId is null || view.DefinitionId == filter.DefinitionId))
                {
                    lines.Add(new InstanceLine(new(view.Id, view.DefinitionId, view.DefinitionVersion, view.Status, view.CorrelationId, view.CreatedAt, view.UpdatedAt, view.FaultMessage), dossier));
                    if (lines.Count == filter.Take)
                    {
                        break;
                    }
                }
            }

            return lines;
        }

        var instances = await queries.ListAsync(new(filter.Status, filter.DefinitionId, null, filter.CreatedFrom, filter.CreatedTo, 0, filter.Take), cancellationToken);
        foreach (var instance in instances)
        {
            lines.Add(new InstanceLine(instance, await dossiers.FindByInstanceAsync(instance.Id, cancellationToken)));
        }

        return lines;
    }

    /// <summary>Open (and with <paramref name="includeResolved"/> also resolved) incidents of the instances the account may see.</summary>
    public async Task<IReadOnlyList<IncidentSummary>> ListIncidentsAsync(bool includeResolved, BackOfficeActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var incidents = await queries.ListIncidentsAsync(includeResolved, cancellationToken);
        if (actor.VisibleAgencies is null)
        {
            return incidents;
        }

        var visible = new List<IncidentSummary>();
        foreach (var incident in incidents)
        {
            if (await dossiers.FindByInstanceAsync(incident.InstanceId, cancellationToken) is { } dossier && actor.MaySee(dossier.AgencyId))
            {
                visible.Add(incident);
            }
        }

        return visible;
    }

    /// <summary>The instance, or null when it does not exist or is outside what the account may see.</summary>
    public async Task<InstanceDetail?> GetAsync(Guid instanceId, BackOfficeActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (await queries.GetAsync(instanceId, cancellationToken) is not { } view)
        {
            return null;
        }

        var dossier = await dossiers.FindByInstanceAsync(instanceId, cancellationToken);
        if (actor.VisibleAgencies is not null && (dossier is null || !actor.MaySee(dossier.AgencyId)))
        {
            return null;
        }

        var definition = await definitions.GetAsync(view.DefinitionId, view.DefinitionVersion, cancellationToken);
        var journal = await queries.GetJournalAsync(instanceId, cancellationToken);
        var reveal = actor.IsAdmin;
        return new InstanceDetail(view, definition, dossier, journal, Mask(view.Variables, definition, reveal), reveal);
    }

    /// <summary>A copy of the variables with every personal one (as the version declares it) replaced by a mask.</summary>
    public static JsonObject Mask(JsonObject variables, WorkflowDefinition? definition, bool reveal)
    {
        ArgumentNullException.ThrowIfNull(variables);
        var copy = (JsonObject)variables.DeepClone();
        if (reveal)
        {
            return copy;
        }

        // Without the version's declarations every value is treated as personal.
        var personal = definition?.Variables.Where(v => v.IsPersonalData).Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var name in copy.Select(p => p.Key).ToList())
        {
            if (personal is null || personal.Contains(name))
            {
                copy[name] = Masked;
            }
        }

        return copy;
    }
}
