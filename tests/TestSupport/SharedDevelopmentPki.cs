namespace SmartKiosk.TestSupport;

/// <summary>A development PKI folder shared by the issuance tests of one run, removed when the run ends.</summary>
public static class SharedDevelopmentPki
{
    private static readonly Lazy<string> LazyFolder = new(() =>
    {
        var folder = Directory.CreateTempSubdirectory("smartkiosk-devpki-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: a leftover temp folder is harmless.
            }
        };
        return folder;
    });

    public static string Folder => LazyFolder.Value;
}
