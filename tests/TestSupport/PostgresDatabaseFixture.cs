using Xunit;

namespace SmartKiosk.TestSupport;

/// <summary>
/// xUnit class fixture: a fresh, empty PostgreSQL database on the run's shared
/// cluster (<see cref="PostgresServer"/>), dropped when the test class is done.
/// </summary>
/// <remarks>
/// Use <see cref="PostgresDatabaseFixture{TTestClass}"/> so the database name
/// shows which class made it:
/// <code>
/// public sealed class StoreTests(PostgresDatabaseFixture&lt;StoreTests&gt; db)
///     : IClassFixture&lt;PostgresDatabaseFixture&lt;StoreTests&gt;&gt;
/// </code>
/// </remarks>
public class PostgresDatabaseFixture : IAsyncLifetime
{
    private readonly string hint;
    private readonly List<string> databases = [];
    private readonly Lock databasesLock = new();
    private string? databaseName;
    private string? connectionString;

    public PostgresDatabaseFixture()
        : this("db")
    {
    }

    protected PostgresDatabaseFixture(string hint)
    {
        this.hint = hint;
    }

    /// <summary>Name of the fixture's database, e.g. <c>t_storetests_1a2b3c4d</c>.</summary>
    public string DatabaseName => databaseName ?? throw NotInitialized();

    /// <summary>Npgsql connection string of the fixture's database.</summary>
    public string ConnectionString => connectionString ?? throw NotInitialized();

    /// <summary>
    /// Creates one more empty database (for tests that need several) and returns its
    /// connection string. It is dropped together with the fixture.
    /// </summary>
    public async Task<string> CreateDatabaseAsync(string hint, CancellationToken cancellationToken = default)
    {
        var name = DatabaseNames.Create(hint);
        var result = await PostgresServer.CreateDatabaseAsync(name, cancellationToken).ConfigureAwait(false);
        lock (databasesLock)
        {
            databases.Add(name);
        }

        return result;
    }

    public async Task InitializeAsync()
    {
        var name = DatabaseNames.Create(hint);
        connectionString = await PostgresServer.CreateDatabaseAsync(name).ConfigureAwait(false);
        databaseName = name;
        lock (databasesLock)
        {
            databases.Add(name);
        }
    }

    public async Task DisposeAsync()
    {
        string[] toDrop;
        lock (databasesLock)
        {
            toDrop = [.. databases];
            databases.Clear();
        }

        foreach (var name in toDrop)
        {
            await PostgresServer.DropDatabaseAsync(name).ConfigureAwait(false);
        }
    }

    private static InvalidOperationException NotInitialized() =>
        new("The database is created in InitializeAsync; use the fixture through xUnit (IClassFixture/ICollectionFixture).");
}

/// <summary>
/// <see cref="PostgresDatabaseFixture"/> whose database is named after
/// <typeparamref name="TTestClass"/> (<c>t_&lt;classname&gt;_&lt;8 hex&gt;</c>).
/// </summary>
public class PostgresDatabaseFixture<TTestClass> : PostgresDatabaseFixture
{
    public PostgresDatabaseFixture()
        : base(typeof(TTestClass).Name)
    {
    }
}
