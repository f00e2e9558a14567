using System.Diagnostics;
using SmartKiosk.TestSupport;

namespace SmartKiosk.Activities.Tests.ScaleOut;

/// <summary>One engine node (SmartKiosk.Workflows.NodeProbe) as its own process; killed with SIGKILL on dispose if still running.</summary>
internal sealed class EngineNode : IAsyncDisposable
{
    private readonly Process _process;
    private readonly System.Text.StringBuilder _log = new();
    private readonly Task _logPump;

    private EngineNode(string name, Process process)
    {
        Name = name;
        _process = process;
        _logPump = PumpAsync(process.StandardError);
    }

    /// <summary>What the node has written to stderr so far (its log: warnings and errors, more if asked for).</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
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
        var node = new EngineNode(name, process);
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
            throw new InvalidOperationException($"Node {name} exited before it was ready: {await node.ErrorsAsync()}");
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

    /// <summary>The node's whole log, once it has exited.</summary>
    public async Task<string> ErrorsAsync()
    {
        await _logPump;
        return Log;
    }

    private async Task PumpAsync(StreamReader errors)
    {
        while (await errors.ReadLineAsync() is { } line)
        {
            lock (_log)
            {
                _log.AppendLine(line);
            }
        }
    }

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
