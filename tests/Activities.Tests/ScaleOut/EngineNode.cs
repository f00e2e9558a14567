using System.Diagnostics;
using SmartKiosk.TestSupport;

namespace SmartKiosk.Activities.Tests.ScaleOut;

/// <summary>One engine node (SmartKiosk.Workflows.NodeProbe) as its own process; killed with SIGKILL on dispose if still running.</summary>
internal sealed class EngineNode : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Task<string> _errors;

    private EngineNode(string name, Process process, Task<string> errors)
    {
        Name = name;
        _process = process;
        _errors = errors;
    }

    public string Name { get; }

    public bool HasExited => _process.HasExited;

    public static async Task<EngineNode> StartAsync(string name, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        var probe = Path.Combine(AppContext.BaseDirectory, "SmartKiosk.Workflows.NodeProbe.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(probe);
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        start.Environment["Workflows__Dispatch__NodeName"] = name;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__Console__LogToStandardErrorThreshold"] = "Trace";

        if (Environment.GetEnvironmentVariable("SMARTKIOSK_TEST_NODE_LOG_LEVEL") is { Length: > 0 } level)
        {
            start.Environment["Logging__LogLevel__Default"] = level;
            start.Environment["Logging__Console__LogToStandardErrorThreshold"] = "Trace";
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("The node did not start.");
        var errors = process.StandardError.ReadToEndAsync(CancellationToken.None);
        var node = new EngineNode(name, process, errors);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromMinutes(1));
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line == "ready")
                {
                    _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
                    return node;
                }
            }
            throw new InvalidOperationException($"Node {name} exited before it was ready: {await errors}");
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }
    }

    /// <summary>kill -9: no shutdown, no lease given back, no connection closed politely.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync(CancellationToken.None);
    }

    /// <summary>What the node wrote to stderr (its warnings and errors), once it has exited.</summary>
    public Task<string> ErrorsAsync() => _errors;

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        await _process.WaitForExitAsync(CancellationToken.None);
        _process.Dispose();
    }
}
