namespace SmartKiosk.Activities.Dossiers;

/// <summary>A dossier operation refused; <see cref="Reason"/> maps to the API's problem type.</summary>
public sealed class DossierException(DossierError reason, string message) : Exception(message)
{
    public DossierError Reason { get; } = reason;
}

public enum DossierError
{
    NotFound,
    UnknownDocumentType,
    NoWorkflow,
    WrongStage,
    TooManyUploads,
    InvalidInput,
}
