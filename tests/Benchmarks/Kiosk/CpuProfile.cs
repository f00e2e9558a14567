using System.Diagnostics;
using System.Text.Json;

namespace SmartKiosk.Benchmarks.Kiosk;

/// <summary>
/// A CPU sampling profile of one gateway replica over the measured part of a run, taken with
/// <c>dotnet-trace</c> (<c>--profile dotnet-sampled-thread-time</c>, speedscope output) and summarised here: where the
/// process spent its CPU, by the method on top of the stack (self time) and by the code it was running
/// inside (inclusive time of the application's own methods). Optional: <c>--profile</c> needs dotnet-trace
/// (<c>dotnet tool install --tool-path DIR dotnet-trace</c>, then DIR on PATH).
/// </summary>
public sealed class CpuProfile : IAsyncDisposable
{
    private readonly Process _trace;
    private readonly string _file;

    private CpuProfile(Process trace, string file)
    {
        _trace = trace;
        _file = file;
    }

    public static CpuProfile Start(int processId, string folder)
    {
        var file = Path.Combine(folder, $"gateway-{processId}.nettrace");
        var start = new ProcessStartInfo("dotnet-trace") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "collect", "-p", processId.ToString(System.Globalization.CultureInfo.InvariantCulture), "--profile", "dotnet-sampled-thread-time", "--format", "Speedscope", "-o", file })
        {
            start.ArgumentList.Add(argument);
        }
        var trace = Process.Start(start) ?? throw new InvalidOperationException("dotnet-trace did not start.");
        _ = trace.StandardError.ReadToEndAsync();
        return new CpuProfile(trace, file);
    }

    /// <summary>Stops the collection and summarises it: the top frames by self and by inclusive share of the samples on running threads.</summary>
    public async Task<Summary> StopAsync(CancellationToken cancellationToken)
    {
        // dotnet-trace stops on Ctrl+C (Enter is not read when its input is redirected), then converts the trace.
        using (var interrupt = Process.Start("kill", ["-INT", _trace.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await interrupt.WaitForExitAsync(cancellationToken);
        }
        var stdout = await _trace.StandardOutput.ReadToEndAsync(cancellationToken);
        await _trace.WaitForExitAsync(cancellationToken);
        var speedscope = Path.ChangeExtension(_file, ".speedscope.json");
        if (!File.Exists(speedscope))
        {
            throw new InvalidOperationException($"dotnet-trace wrote no speedscope file:{Environment.NewLine}{stdout}");
        }
        await using var stream = File.OpenRead(speedscope);
        return Summarise(await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_trace.HasExited)
        {
            _trace.Kill();
            await _trace.WaitForExitAsync(CancellationToken.None);
        }
        _trace.Dispose();
    }

    public sealed record Summary(double TotalMs, IReadOnlyList<(string Frame, double Share)> Self, IReadOnlyList<(string Frame, double Share)> Inclusive);

    /// <summary>
    /// Evented speedscope profiles, one per thread. Sampled thread time also counts parked threads, so only stacks
    /// inside the application's own code (a <c>SmartKiosk</c> frame on the stack) are counted: time between events goes
    /// to the top frame (self; native code such as OpenCV, Tesseract or ONNX Runtime is shown under the managed method
    /// that called it) and to every distinct application frame on the stack (inclusive).
    /// </summary>
    private static Summary Summarise(JsonDocument document)
    {
        var frames = document.RootElement.GetProperty("shared").GetProperty("frames").EnumerateArray()
            .Select(f => f.GetProperty("name").GetString() ?? "?").ToArray();
        var application = frames.Select(f => f.StartsWith("SmartKiosk", StringComparison.Ordinal)).ToArray();
        var self = new Dictionary<string, double>(StringComparer.Ordinal);
        var inclusive = new double[frames.Length];
        var total = 0.0;
        foreach (var profile in document.RootElement.GetProperty("profiles").EnumerateArray())
        {
            var stack = new List<int>();
            var last = 0.0;
            foreach (var evt in profile.GetProperty("events").EnumerateArray())
            {
                var at = evt.GetProperty("at").GetDouble();
                var elapsed = at - last;
                if (elapsed > 0 && stack.Count > 1 && stack.Exists(f => application[f]) && !IsWaiting(frames[stack[^2]]))
                {
                    total += elapsed;
                    var top = SelfFrame(frames, stack);
                    self[top] = self.GetValueOrDefault(top) + elapsed;
                    foreach (var frame in stack.Where(f => application[f]).Distinct())
                    {
                        inclusive[frame] += elapsed;
                    }
                }
                last = at;
                var index = evt.GetProperty("frame").GetInt32();
                if (evt.GetProperty("type").GetString() == "O")
                {
                    stack.Add(index);
                }
                else if (stack.LastIndexOf(index) is var closed and >= 0)
                {
                    stack.RemoveRange(closed, stack.Count - closed);
                }
            }
        }
        double Share(double time) => total == 0 ? 0 : time / total;
        return new Summary(
            total,
            [.. self.OrderByDescending(s => s.Value).Take(15).Select(s => (s.Key, Share(s.Value)))],
            [.. inclusive.Select((time, i) => (Frame: frames[i], Share: Share(time))).Where((_, i) => application[i]).OrderByDescending(x => x.Share).Take(20)]);
    }

    /// <summary>
    /// The method the thread was in: each stack ends in a pseudo-frame, <c>CPU_TIME</c> (managed code running) or
    /// <c>UNMANAGED_CODE_TIME</c> (native code: a library's work, or a thread blocked in the kernel).
    /// </summary>
    private static string SelfFrame(string[] frames, List<int> stack) =>
        frames[stack[^2]] + (frames[stack[^1]].Contains("UNMANAGED_CODE_TIME", StringComparison.Ordinal) ? " (native code)" : "");

    // A thread parked in one of these uses no CPU (its pseudo-frame says native code only because it is blocked).
    private static readonly string[] WaitMethods =
    [
        "System.Threading.Monitor.Wait", "System.Threading.WaitHandle.", "System.Threading.LowLevelLifoSemaphore.", "System.Threading.Thread.Sleep",
        "System.Threading.SemaphoreSlim.Wait", "System.Threading.ManualResetEventSlim.Wait", "System.Threading.Thread.Join", "System.Threading.Tasks.Task.SpinThenBlockingWait",
    ];

    private static bool IsWaiting(string frame) => WaitMethods.Any(method => frame.Contains(method, StringComparison.Ordinal));
}
