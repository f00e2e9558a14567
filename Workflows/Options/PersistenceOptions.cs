namespace SmartKiosk.Workflows.Options;

/// <summary>Which database the engine uses. SQLite is the embedded default; PostgreSQL is production.</summary>
public sealed class PersistenceOptions
{
    public const string SectionName = "Persistence";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>For SQLite, e.g. <c>Data Source=data/smartkiosk.db</c>.</summary>
    public string ConnectionString { get; set; } = "";
}

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}
