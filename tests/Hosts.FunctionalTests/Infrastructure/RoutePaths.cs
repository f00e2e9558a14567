using System.Text.RegularExpressions;

namespace SmartKiosk.Hosts.FunctionalTests.Infrastructure;

/// <summary>Turns an endpoint's route template into a path its constraints accept, to call every endpoint.</summary>
public static partial class RoutePaths
{
    public static string Concrete(string template) =>
        Parameter().Replace(template, m => m.Groups[3].Value switch
        {
            var c when c.StartsWith("guid", StringComparison.Ordinal) => Guid.NewGuid().ToString(),
            var c when c.StartsWith("int", StringComparison.Ordinal) => "1",
            _ => m.Groups[1].Value == "documentName" ? "v1" : "sample",
        });

    [GeneratedRegex(@"\{([^}:]+)(:([^}]+))?\}")]
    private static partial Regex Parameter();
}
