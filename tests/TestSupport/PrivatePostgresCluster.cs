namespace SmartKiosk.TestSupport;

/// <summary>
/// A PostgreSQL cluster of one test's own (scripts/pg-test-cluster.sh), for fault injection that must
/// not disturb the run's shared cluster: restarting the server under running nodes. Stopped and
/// deleted on dispose.
/// </summary>
public sealed class PrivatePostgresCluster : IAsyncDisposable
{
    private readonly string _script;
    private readonly string _directory;

    private PrivatePostgresCluster(string script, string directory, string connectionString)
    {
        _script = script;
        _directory = directory;
        ConnectionString = connectionString;
    }

    /// <summary>The cluster folder (its <c>data/</c>, socket and server log).</summary>
    public string Directory => _directory;

    /// <summary>The cluster's connection string, without a database.</summary>
    public string ConnectionString { get; }

    /// <param name="durable">Keep fsync and synchronous commit on, as in production (benchmarks); tests run without.</param>
    public static async Task<PrivatePostgresCluster> StartAsync(bool durable = false)
    {
        var script = Path.Combine(RepositoryPaths.Scripts, "pg-test-cluster.sh");
        var (exitCode, stdout, stderr) = await Task.Run(() => PostgresServer.RunScript(
            durable ? new Dictionary<string, string> { ["SMARTKIOSK_PG_DURABLE"] = "1" } : [], script, "start"));
        var variables = PostgresServer.ParseExports(stdout);
        if (exitCode != 0
            || !variables.TryGetValue(PostgresServer.ConnectionVariable, out var connectionString)
            || !variables.TryGetValue(PostgresServer.DirectoryVariable, out var directory))
        {
            throw new InvalidOperationException($"Starting a private PostgreSQL cluster failed (exit code {exitCode}):{Environment.NewLine}{stderr}");
        }
        return new PrivatePostgresCluster(script, directory, connectionString);
    }

    /// <summary>Creates a database on this cluster and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        DatabaseNames.EnsureValid(name);
        await using var connection = new Npgsql.NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>Fast shutdown (every client is disconnected) and start again on the same port.</summary>
    public async Task RestartAsync()
    {
        var (exitCode, _, stderr) = await Task.Run(() => PostgresServer.RunScript(_script, "restart", _directory));
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"Restarting the private PostgreSQL cluster failed (exit code {exitCode}):{Environment.NewLine}{stderr}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        Npgsql.NpgsqlConnection.ClearAllPools();
        await Task.Run(() => PostgresServer.RunScript(_script, "stop", _directory));
    }
}
