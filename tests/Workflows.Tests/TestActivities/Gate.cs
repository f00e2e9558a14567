using System.Collections.Concurrent;
using SmartKiosk.Workflows.Attributes;
using SmartKiosk.Workflows.Contracts;
using SmartKiosk.Workflows.Runtime;

namespace SmartKiosk.Workflows.Tests.TestActivities;

/// <summary>Test-only: holds a run inside an activity until the test opens the gate, to interleave two runs deterministically.</summary>
[Activity("Test.Gate", Category = "Test")]
[Outcomes(ActivityResult.DoneOutcome)]
public sealed class Gate : Activity
{
    private static readonly ConcurrentDictionary<string, GateState> Gates = new();

    [Input(Required = true)]
    public string Name { get; set; } = "";

    public static GateState Create(string name) => Gates[name] = new GateState();

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        if (Gates.TryGetValue(Name, out var gate))
        {
            gate.Entered.TrySetResult();
            await gate.Opened.Task.WaitAsync(context.CancellationToken);
        }

        return ActivityResult.Done();
    }

    public sealed class GateState
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Opened { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
