using System.Globalization;
using SmartKiosk.TestSupport;

namespace SmartKiosk.Benchmarks.Kiosk;

/// <summary>
/// One or more gateway processes (Release build) over one data folder, as the compose file runs them over a
/// shared volume: on SQLite a single gateway; on PostgreSQL any number of replicas of one database, each
/// with its own dispatch node name. Started one after the other (the first creates the schema, the keys and
/// the demo kiosk; the others find them), stopped together.
/// </summary>
public sealed class GatewayReplicas : IAsyncDisposable
{
    private readonly List<HostProcess> _hosts = [];

    private GatewayReplicas(string dataFolder, IReadOnlyDictionary<string, string?> storeSettings)
    {
        DataFolder = dataFolder;
        StoreSettings = storeSettings;
    }

    public string DataFolder { get; }

    /// <summary>How to reach the replicas' data from this process (data folder and persistence settings).</summary>
    public IReadOnlyDictionary<string, string?> StoreSettings { get; }

    public IReadOnlyList<Uri> Addresses => [.. _hosts.Select(h => h.Address)];

    public IReadOnlyList<int> ProcessIds => [.. _hosts.Select(h => h.ProcessId)];

    /// <param name="postgresConnectionString">A database of their own on PostgreSQL, or null for the embedded SQLite default (one replica only).</param>
    public static async Task<GatewayReplicas> StartAsync(int count, string? postgresConnectionString, IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken)
    {
        if (postgresConnectionString is null && count != 1)
        {
            throw new ArgumentException("Several replicas need PostgreSQL: SQLite is one node's database.", nameof(count));
        }
        var data = Directory.CreateTempSubdirectory("smartkiosk-kiosk-bench-").FullName;
        var store = new Dictionary<string, string?> { ["Data:Path"] = data };
        if (postgresConnectionString is not null)
        {
            store["Persistence:Provider"] = "PostgreSql";
            store["Persistence:ConnectionString"] = postgresConnectionString;
        }
        var replicas = new GatewayReplicas(data, store);
        try
        {
            for (var i = 1; i <= count; i++)
            {
                var environment = new Dictionary<string, string>(settings)
                {
                    ["Workflows__Dispatch__NodeName"] = string.Create(CultureInfo.InvariantCulture, $"gateway-{i}"),
                };
                foreach (var (key, value) in store.Where(s => s.Key != "Data:Path"))
                {
                    environment[key.Replace(":", "__", StringComparison.Ordinal)] = value!;
                }
                replicas._hosts.Add(await HostProcess.StartGatewayAsync(data, environment, cancellationToken));
            }
            return replicas;
        }
        catch
        {
            await replicas.DisposeAsync();
            throw;
        }
    }

    /// <summary>Kills the last replica with SIGKILL, as a crashed node (the load balancer keeps sending it requests).</summary>
    public void KillLast() => _hosts[^1].Kill();

    /// <summary>Each replica's peak resident memory so far (VmHWM), in MB; 0 for one that is gone.</summary>
    public IReadOnlyList<double> PeakMemoryMb() => [.. ProcessIds.Select(pid =>
    {
        var status = $"/proc/{pid}/status";
        var line = File.Exists(status) ? File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal)) : null;
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    })];

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }
        Directory.Delete(DataFolder, recursive: true);
    }
}
