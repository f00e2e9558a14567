namespace SmartKiosk.Activities.Recognition.Templates;

/// <summary>Where document-type templates come from (seeded JSON now; the administrators' editor later).</summary>
public interface ITemplateStore
{
    ValueTask<IReadOnlyList<DocumentTemplate>> GetAllAsync(CancellationToken cancellationToken);
}
