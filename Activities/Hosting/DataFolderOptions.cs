using Microsoft.Extensions.Configuration;

namespace SmartKiosk.Activities.Hosting;

/// <summary>
/// Where local state lives on the embedded default: the SQLite file, blobs, the e-mail pickup
/// folder, development keys and first-run credentials. <c>SMARTKIOSK_DATA</c> or <c>Data:Path</c>;
/// <c>./data</c> otherwise.
/// </summary>
public sealed class DataFolderOptions
{
    public const string EnvironmentVariable = "SMARTKIOSK_DATA";

    public string Path { get; set; } = "";

    public static string Resolve(IConfiguration configuration)
    {
        var path = configuration["Data:Path"]
            ?? Environment.GetEnvironmentVariable(EnvironmentVariable)
            ?? "data";
        return System.IO.Path.GetFullPath(path);
    }
}
