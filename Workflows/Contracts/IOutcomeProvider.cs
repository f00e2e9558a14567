using SmartKiosk.Workflows.Models;

namespace SmartKiosk.Workflows.Contracts;

/// <summary>Computes the outcome ports of a node whose ports depend on its (literal) inputs.</summary>
public interface IOutcomeProvider
{
    IReadOnlyList<string> GetOutcomes(ActivityNode node);
}
