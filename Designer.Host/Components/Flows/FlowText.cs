using Microsoft.Extensions.Localization;
using SmartKiosk.Designer.Host.Resources;
using SmartKiosk.Workflows.Definitions;
using SmartKiosk.Workflows.Descriptors;

namespace SmartKiosk.Designer.Host.Components.Flows;

/// <summary>
/// Names of activity types and categories in the screen's language. The engine's descriptors are English (they are also
/// the API's); the back office translates the ones it knows and shows any other (a plug-in activity) as the engine names it.
/// </summary>
public static class FlowText
{
    public static string ActivityName(IStringLocalizer<SharedResource> text, string type, ActivityDescriptor? descriptor) =>
        text[$"Activity.{type}"] is { ResourceNotFound: false } name ? name.Value : descriptor?.DisplayName ?? type;

    /// <summary>
    /// A validation problem in the screen's language where the problem's code and its activity, input and port say it
    /// all; otherwise the engine's message (which carries details such as a script's syntax error).
    /// </summary>
    public static string Problem(IStringLocalizer<SharedResource> text, ValidationError error)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(error);
        return error.ActivityId is not null && text[$"Validation.{error.Code}", error.ActivityId, error.Input ?? "", error.Port ?? ""] is { ResourceNotFound: false } localised
            ? localised.Value
            : error.Message;
    }

    public static string CategoryName(IStringLocalizer<SharedResource> text, string category) =>
        text[$"Category.{category}"] is { ResourceNotFound: false } name ? name.Value : category;
}
