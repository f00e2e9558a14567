using System.Diagnostics;
using System.Globalization;

namespace SmartKiosk.Benchmarks.Kiosk;

/// <summary>
/// CPU seconds spent so far by the processes of a load run, read from Linux's <c>/proc</c>: each gateway
/// replica, PostgreSQL (its postmaster, live backends and the backends it already reaped), this load
/// generator, and the machine as a whole (busy and total). Two samples give what the measured window cost.
/// </summary>
public sealed record CpuSample(IReadOnlyList<double> Replicas, double Database, double Client, double MachineBusy, double MachineTotal)
{
    // USER_HZ: the kernel reports process times in 1/100 s on every Linux this runs on.
    private const double TicksPerSecond = 100;

    public static CpuSample Take(IEnumerable<int> replicaProcessIds, int? postmasterProcessId)
    {
        ArgumentNullException.ThrowIfNull(replicaProcessIds);
        var (busy, total) = Machine();
        return new CpuSample(
            [.. replicaProcessIds.Select(ProcessSeconds)],
            postmasterProcessId is { } postmaster ? DatabaseSeconds(postmaster) : 0,
            Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds,
            busy,
            total);
    }

    public CpuSample Minus(CpuSample earlier)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        return new CpuSample(
            [.. Replicas.Zip(earlier.Replicas, (now, then) => Math.Max(0, now - then))], // a killed replica's time is lost with it
            Database - earlier.Database,
            Client - earlier.Client,
            MachineBusy - earlier.MachineBusy,
            MachineTotal - earlier.MachineTotal);
    }

    /// <summary>The postmaster's pid, first line of <c>data/postmaster.pid</c> in the cluster folder.</summary>
    public static int? Postmaster(string clusterDirectory)
    {
        var file = Path.Combine(clusterDirectory, "data", "postmaster.pid");
        return File.Exists(file) && int.TryParse(File.ReadLines(file).FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
    }

    private static double ProcessSeconds(int pid) => Stat(pid) is { } stat ? (stat.User + stat.System) / TicksPerSecond : 0;

    private static double DatabaseSeconds(int postmaster)
    {
        if (Stat(postmaster) is not { } own)
        {
            return 0;
        }
        var ticks = own.User + own.System + own.ReapedChildren;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && Stat(pid) is { } child && child.Parent == postmaster)
            {
                ticks += child.User + child.System;
            }
        }
        return ticks / TicksPerSecond;
    }

    private static (int Parent, long User, long System, long ReapedChildren)? Stat(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null; // the process ended between the listing and the read
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
        // The command name (field 2) is in parentheses and may hold spaces: fields are counted after its ')'.
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        long Field(int number) => long.Parse(fields[number - 3], CultureInfo.InvariantCulture);
        return ((int)Field(4), Field(14), Field(15), Field(16) + Field(17));
    }

    private static (double Busy, double Total) Machine()
    {
        var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Take(8).Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var total = cpu.Sum();
        var idle = cpu[3] + cpu[4]; // idle and iowait
        return ((total - idle) / TicksPerSecond, total / TicksPerSecond);
    }
}
