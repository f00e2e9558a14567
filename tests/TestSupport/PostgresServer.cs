using System.Diagnostics;
using System.Text;
using Npgsql;

namespace SmartKiosk.TestSupport;

/// <summary>
/// The PostgreSQL cluster that this test process uses.
/// </summary>
/// <remarks>
/// <para>
/// <c>test.sh</c> starts one cluster for the whole run and exports
/// <see cref="ConnectionVariable"/>; every test process then shares it.
/// When the variable is absent (plain <c>dotnet test</c>, an IDE), the first
/// use starts a private cluster with <c>scripts/pg-test-cluster.sh start</c>
/// and stops it when the process exits.
/// </para>
/// <para>
/// Tests never skip for lack of PostgreSQL: if no cluster can be had, every
/// use throws with the reason, so the tests fail loudly.
/// </para>
/// </remarks>
public static class PostgresServer
{
    /// <summary>
    /// Environment variable with the base connection string (no database), e.g.
    /// <c>Host=127.0.0.1;Port=54321;Username=postgres;Pooling=true</c>.
    /// </summary>
    public const string ConnectionVariable = "SMARTKIOSK_TEST_PG";

    /// <summary>Environment variable with the cluster folder, as printed by the script.</summary>
    public const string DirectoryVariable = "SMARTKIOSK_TEST_PG_DIR";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(5);

    // Lazy (not a static constructor) so a failure is rethrown on every use
    // with the same clear message instead of a TypeInitializationException.
    private static readonly Lazy<string> LazyConnectionString =
        new(Resolve, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// Connection string of the cluster, without a database (connects to the
    /// default <c>postgres</c> database). Starts a cluster on first use if needed.
    /// </summary>
    public static string ConnectionString => LazyConnectionString.Value;

    /// <summary>The connection string for one database on the cluster.</summary>
    public static string ConnectionStringFor(string database)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(database);
        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = database }.ConnectionString;
    }

    /// <summary>Creates an empty database named <paramref name="database"/> and returns its connection string.</summary>
    /// <param name="database">A plain lower-case identifier (letters, digits, underscores).</param>
    public static async Task<string> CreateDatabaseAsync(string database, CancellationToken cancellationToken = default)
    {
        DatabaseNames.EnsureValid(database);
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return ConnectionStringFor(database);
    }

    /// <summary>
    /// Drops a database even if connections are still open (<c>WITH (FORCE)</c>),
    /// after emptying this process's Npgsql pool for it.
    /// </summary>
    public static async Task DropDatabaseAsync(string database, CancellationToken cancellationToken = default)
    {
        DatabaseNames.EnsureValid(database);

        // Pooled idle connections to the database would be killed by FORCE and
        // then fail on their next use; clear the pool so they are simply closed.
        await using (var pooled = new NpgsqlConnection(ConnectionStringFor(database)))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string Resolve()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(ConnectionVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return fromEnvironment;
        }

        return StartPrivateCluster();
    }

    private static string StartPrivateCluster()
    {
        string script;
        try
        {
            script = Path.Combine(RepositoryPaths.Scripts, "pg-test-cluster.sh");
        }
        catch (InvalidOperationException ex)
        {
            throw new InvalidOperationException(
                $"{ConnectionVariable} is not set and the repository (for scripts/pg-test-cluster.sh) was not found. " +
                "Run the tests through ./test.sh, or set " + ConnectionVariable + ".", ex);
        }

        var (exitCode, stdout, stderr) = RunScript(script, "start");
        if (exitCode != 0)
        {
            throw new InvalidOperationException(
                $"{ConnectionVariable} is not set and starting a PostgreSQL test cluster failed " +
                $"(bash {script} start, exit code {exitCode}). PostgreSQL is required for these tests; " +
                $"install it with scripts/install-prerequisites.sh or run ./test.sh.{Environment.NewLine}{stderr}");
        }

        var variables = ParseExports(stdout);
        if (!variables.TryGetValue(ConnectionVariable, out var connectionString)
            || !variables.TryGetValue(DirectoryVariable, out var clusterDirectory))
        {
            throw new InvalidOperationException(
                $"scripts/pg-test-cluster.sh start did not print {ConnectionVariable} and {DirectoryVariable}:{Environment.NewLine}{stdout}{stderr}");
        }

        // Stop the cluster with this process. ProcessExit is not raised on a
        // hard kill; the cluster folder in /tmp is then left behind, which is
        // harmless on a test machine.
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                RunScript(script, "stop", clusterDirectory);
            }
            catch (Exception ex) when (ex is InvalidOperationException or IOException or System.ComponentModel.Win32Exception)
            {
                Console.Error.WriteLine($"Stopping the PostgreSQL test cluster in {clusterDirectory} failed: {ex.Message}");
            }
        };

        // Code under test that reads the variable itself (e.g. a host started
        // by WebApplicationFactory) sees the same cluster.
        Environment.SetEnvironmentVariable(ConnectionVariable, connectionString);
        Environment.SetEnvironmentVariable(DirectoryVariable, clusterDirectory);
        return connectionString;
    }

    internal static (int ExitCode, string Stdout, string Stderr) RunScript(string script, params string[] arguments) =>
        RunScript(new Dictionary<string, string>(), script, arguments);

    internal static (int ExitCode, string Stdout, string Stderr) RunScript(IReadOnlyDictionary<string, string> environment, string script, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryPaths.Root,
        };
        foreach (var (name, value) in environment)
        {
            startInfo.Environment[name] = value;
        }
        startInfo.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"Could not start bash {script}.");

        // Read both streams concurrently so neither pipe can fill up and block.
        var stdoutTask = process.StandardOutput.ReadToEndAsync();
        var stderrTask = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(StartTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"bash {script} {string.Join(' ', arguments)} did not finish within {StartTimeout}.");
        }

        return (process.ExitCode, stdoutTask.GetAwaiter().GetResult(), stderrTask.GetAwaiter().GetResult());
    }

    /// <summary>Parses lines of the form <c>export NAME='value'</c>.</summary>
    internal static Dictionary<string, string> ParseExports(string output)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var rawLine in output.Split('\n'))
        {
            var line = rawLine.Trim();
            const string prefix = "export ";
            if (!line.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= prefix.Length)
            {
                continue;
            }

            var name = line[prefix.Length..equals];
            var value = line[(equals + 1)..];
            if (value.Length >= 2 && value[0] == '\'' && value[^1] == '\'')
            {
                value = value[1..^1];
            }

            result[name] = value;
        }

        return result;
    }
}

/// <summary>Builds and checks the names of test databases.</summary>
public static class DatabaseNames
{
    // PostgreSQL truncates identifiers at 63 bytes; keep well under.
    private const int MaxHintLength = 40;

    /// <summary>
    /// A fresh name <c>t_&lt;hint&gt;_&lt;8 hex&gt;</c>: the hint lower-cased, reduced to
    /// <c>[a-z0-9_]</c> and trimmed, so a leftover database shows which test made it.
    /// </summary>
    public static string Create(string hint)
    {
        var cleaned = new StringBuilder(hint.Length);
        foreach (var c in hint.ToLowerInvariant())
        {
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                cleaned.Append(c);
            }
            else if (cleaned.Length > 0 && cleaned[^1] != '_')
            {
                cleaned.Append('_');
            }
        }

        var text = cleaned.ToString().Trim('_');
        if (text.Length > MaxHintLength)
        {
            text = text[..MaxHintLength].TrimEnd('_');
        }

        if (text.Length == 0)
        {
            text = "db";
        }

        return $"t_{text}_{Guid.NewGuid().ToString("N")[..8]}";
    }

    /// <summary>Throws unless the name is safe to put inside double quotes in SQL.</summary>
    public static void EnsureValid(string database)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(database);
        if (database.Length > 63 || !database.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_'))
        {
            throw new ArgumentException(
                $"'{database}' is not a valid test database name (lower-case letters, digits, underscores, at most 63).",
                nameof(database));
        }
    }
}
