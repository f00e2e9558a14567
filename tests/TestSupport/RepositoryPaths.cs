namespace SmartKiosk.TestSupport;

/// <summary>
/// Locates the repository from inside a test run (the test assembly lives in
/// <c>tests/X/bin/Release/net10.0/</c>), so tests can reach scripts and sample files.
/// </summary>
public static class RepositoryPaths
{
    /// <summary>The file that marks the repository root.</summary>
    public const string SolutionFileName = "Workflows.sln";

    /// <summary>Set this variable to force a root (e.g. when tests run from a copied output folder).</summary>
    public const string RootVariable = "SMARTKIOSK_REPO_ROOT";

    private static readonly Lazy<string> LazyRoot = new(FindRoot, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Absolute path of the folder that holds <c>Workflows.sln</c>.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>Absolute path of <c>scripts/</c>.</summary>
    public static string Scripts => Path.Combine(Root, "scripts");

    /// <summary>Absolute path of a file or folder given relative to the repository root.</summary>
    public static string Combine(params string[] relative) => Path.Combine([Root, .. relative]);

    private static string FindRoot()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(RootVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            if (!File.Exists(Path.Combine(fromEnvironment, SolutionFileName)))
            {
                throw new InvalidOperationException(
                    $"{RootVariable}={fromEnvironment} does not contain {SolutionFileName}.");
            }

            return Path.GetFullPath(fromEnvironment);
        }

        // The build output first (normal test runs), then the working directory
        // (e.g. a test host started from the repository).
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, SolutionFileName)))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException(
            $"Could not find {SolutionFileName} above {AppContext.BaseDirectory} or {Directory.GetCurrentDirectory()}; " +
            $"set {RootVariable} to the repository root.");
    }
}
