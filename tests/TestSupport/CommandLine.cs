using System.Diagnostics;

namespace SmartKiosk.TestSupport;

/// <summary>Runs a command-line tool (an independent checker, a script) to completion and returns what it printed.</summary>
public static class CommandLine
{
    /// <summary>Exit code and standard output followed by standard error.</summary>
    public static (int ExitCode, string Output) Run(string command, params string[] arguments)
    {
        var (exit, output, error) = RunIn(null, command, arguments);
        return (exit, output + error);
    }

    public static (int ExitCode, string Output, string Error) RunSeparately(string command, params string[] arguments) =>
        RunIn(null, command, arguments);

    public static (int ExitCode, string Output, string Error) RunIn(string? workingDirectory, string command, params string[] arguments)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (workingDirectory is not null)
        {
            start.WorkingDirectory = workingDirectory;
        }
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{command} did not start.");
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error.Result);
    }
}
