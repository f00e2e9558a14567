using SmartKiosk.Workflows.Attributes;
using SmartKiosk.Workflows.Contracts;
using SmartKiosk.Workflows.Runtime;

namespace SmartKiosk.TestSupport.Activities;

/// <summary>
/// Test-only: when the process runs with <c>SMARTKIOSK_TEST_KILL_AT=&lt;activity id&gt;</c>, this activity
/// kills its own process (SIGKILL: no finally blocks, no shutdown hooks) — a real crash between two
/// activities. Otherwise it does nothing.
/// </summary>
[Activity("Test.ProcessKill", Category = "Test")]
[Outcomes(ActivityResult.DoneOutcome)]
public sealed class ProcessKill : Activity
{
    public const string EnvironmentVariable = "SMARTKIOSK_TEST_KILL_AT";

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) == context.ActivityId)
        {
            System.Diagnostics.Process.GetCurrentProcess().Kill();
        }

        return ValueTask.FromResult(ActivityResult.Done());
    }
}
