using SmartKiosk.Activities.Dossiers;
using SmartKiosk.KioskGateway.Problems;

namespace SmartKiosk.KioskGateway.Kiosk;

/// <summary>Turns a refused dossier operation into its problem details.</summary>
public sealed class DossierErrorFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            return await next(context);
        }
        catch (DossierException ex)
        {
            var (problem, status) = ex.Reason switch
            {
                DossierError.NotFound => (KioskProblem.DossierNotFound, StatusCodes.Status404NotFound),
                DossierError.UnknownDocumentType => (KioskProblem.UnknownDocumentType, StatusCodes.Status422UnprocessableEntity),
                DossierError.NoWorkflow => (KioskProblem.NoWorkflow, StatusCodes.Status503ServiceUnavailable),
                DossierError.WrongStage => (KioskProblem.WrongStage, StatusCodes.Status409Conflict),
                DossierError.TooManyUploads => (KioskProblem.TooManyPages, StatusCodes.Status422UnprocessableEntity),
                _ => (KioskProblem.InvalidInput, StatusCodes.Status422UnprocessableEntity),
            };
            return KioskProblems.Result(problem, status, ex.Message);
        }
    }
}
