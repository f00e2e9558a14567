using Microsoft.Extensions.Options;
using SmartKiosk.Workflows.Options;

namespace SmartKiosk.Workflows.Dispatch;

/// <summary>This process as the queue knows it: the owner written on the leases it takes.</summary>
public sealed class DispatchNode(IOptions<DispatchOptions> options)
{
    public string Name { get; } = string.IsNullOrWhiteSpace(options.Value.NodeName)
        ? $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}"[..Math.Min(200, Environment.MachineName.Length + 44)]
        : options.Value.NodeName;
}
