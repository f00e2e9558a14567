namespace SmartKiosk.TestSupport;

/// <summary>
/// xUnit class fixture: a unique SQLite database file in the temp folder
/// (not created yet: the code under test creates it), deleted with the fixture
/// together with its <c>-wal</c>/<c>-shm</c>/<c>-journal</c> files.
/// </summary>
/// <remarks>
/// <c>Pooling=False</c> so that no pooled connection keeps the file open after
/// the tests, which would otherwise block deleting it on some platforms and
/// leak file handles across test classes.
/// </remarks>
public class SqliteDatabaseFixture : IDisposable
{
    private readonly List<string> paths = [];
    private readonly Lock pathsLock = new();

    public SqliteDatabaseFixture()
        : this("db")
    {
    }

    protected SqliteDatabaseFixture(string hint)
    {
        DatabasePath = CreateDatabasePath(hint);
        ConnectionString = ConnectionStringFor(DatabasePath);
    }

    /// <summary>Folder under the system temp folder that holds the test databases.</summary>
    public static string Folder { get; } = Path.Combine(Path.GetTempPath(), "smartkiosk-tests");

    /// <summary>Absolute path of the fixture's database file.</summary>
    public string DatabasePath { get; }

    /// <summary><c>Data Source=&lt;path&gt;;Pooling=False</c>.</summary>
    public string ConnectionString { get; }

    /// <summary>The connection string for a SQLite file.</summary>
    public static string ConnectionStringFor(string path) => $"Data Source={path};Pooling=False";

    /// <summary>A further unique database path (for tests that need several); deleted with the fixture.</summary>
    public string CreateDatabasePath(string hint)
    {
        Directory.CreateDirectory(Folder);
        // Reuse the PostgreSQL naming rules: lower-case, [a-z0-9_], unique suffix.
        var path = Path.Combine(Folder, DatabaseNames.Create(hint) + ".db");
        lock (pathsLock)
        {
            paths.Add(path);
        }

        return path;
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (!disposing)
        {
            return;
        }

        string[] toDelete;
        lock (pathsLock)
        {
            toDelete = [.. paths];
            paths.Clear();
        }

        foreach (var path in toDelete)
        {
            foreach (var file in new[] { path, path + "-wal", path + "-shm", path + "-journal" })
            {
                TryDelete(file);
            }
        }
    }

    private static void TryDelete(string file)
    {
        // A connection closing on another thread may still hold the file for a
        // moment; a few short retries avoid flaky leftovers. Failing to delete a
        // temp file must not fail the test run.
        for (var attempt = 0; attempt < 5; attempt++)
        {
            try
            {
                File.Delete(file);
                return;
            }
            catch (IOException)
            {
                Thread.Sleep(100);
            }
            catch (UnauthorizedAccessException)
            {
                Thread.Sleep(100);
            }
        }
    }
}

/// <summary><see cref="SqliteDatabaseFixture"/> whose file is named after <typeparamref name="TTestClass"/>.</summary>
public class SqliteDatabaseFixture<TTestClass> : SqliteDatabaseFixture
{
    public SqliteDatabaseFixture()
        : base(typeof(TTestClass).Name)
    {
    }
}
