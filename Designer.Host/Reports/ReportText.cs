using System.Globalization;
using Microsoft.Extensions.Localization;
using SmartKiosk.Activities.Dossiers;
using SmartKiosk.Designer.Host.Resources;

namespace SmartKiosk.Designer.Host.Reports;

/// <summary>Names of the codes a report counts, in the caller's language: review reasons from the workspace's texts, refusal grounds from the dossier's.</summary>
public sealed class ReportText(IStringLocalizer<SharedResource> text)
{
    public string ReviewReason(string code) =>
        text[$"ReviewReason.{code}"] is { ResourceNotFound: false } known ? known.Value : Refusal(code);

    public string Refusal(string code)
    {
        var name = DossierText.Reason(code).For(CultureInfo.CurrentUICulture.Name);
        return name.StartsWith("Reason.", StringComparison.Ordinal) ? code : name;
    }

    public string this[string key] => text[key];

    public string this[string key, params object[] arguments] => text[key, arguments];
}
