using Microsoft.Extensions.Options;
using SmartKiosk.Workflows.Options;

namespace SmartKiosk.Workflows.Dispatch;

/// <summary>This process as the queue knows it: the owner written on the leases it takes.</summary>
public sealed class DispatchNode(IOptions<DispatchOptions> options)
{
    private const int MaxLength = 200;

    /// <summary>The configured name, else machine, process and a random suffix (a restarted process is a new owner).</summary>
    public string Name { get; } = Clip(string.IsNullOrWhiteSpace(options.Value.NodeName)
        ? $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}"
        : options.Value.NodeName);

    private static string Clip(string name) => name.Length > MaxLength ? name[..MaxLength] : name;
}
