using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace SmartKiosk.Benchmarks;

/// <summary>
/// WorkflowCore 3.22.0 in memory (its default persistence and single-node queue), tuned fairly: search
/// index, events and lifecycle-event publishing off, 1 ms idle time so workers pick work up at once.
/// Completion is observed by the last step, not by polling.
/// </summary>
public sealed class WorkflowCoreScenario : IScenario
{
    private static readonly ConcurrentDictionary<int, TaskCompletionSource> Completions = new();
    private ServiceProvider? _services;
    private IWorkflowHost? _host;

    public string Name => "WorkflowCore 3.22.0, in-memory";

    public Task InitializeAsync()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddWorkflow(o =>
        {
            o.EnableIndexes = false;
            o.EnableEvents = false;
            o.EnableLifeCycleEventsPublisher = false;
            o.UseIdleTime(TimeSpan.FromMilliseconds(1));
            o.UseMaxConcurrentWorkflows(Environment.ProcessorCount * 2);
        });
        _services = services.BuildServiceProvider();
        _host = _services.GetRequiredService<IWorkflowHost>();
        _host.RegisterWorkflow<TenSteps, BenchData>();
        return _host.StartAsync(CancellationToken.None);
    }

    public async Task RunOneAsync(int id)
    {
        var done = Completions[id] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await _host!.StartWorkflow(TenSteps.WorkflowId, 1, new BenchData { Id = id });
        await done.Task.WaitAsync(TimeSpan.FromMinutes(2));
        Completions.TryRemove(id, out _);
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync(CancellationToken.None);
        }

        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
    }

    public sealed class BenchData
    {
        public int Id { get; set; }
    }

    private sealed class TenSteps : IWorkflow<BenchData>
    {
        public const string WorkflowId = "ten-steps";

        public string Id => WorkflowId;

        public int Version => 1;

        public void Build(IWorkflowBuilder<BenchData> builder)
        {
            var step = builder.StartWith<Noop>();
            for (var i = 2; i <= 9; i++)
            {
                step = step.Then<Noop>();
            }

            step.Then<Finish>().Input(s => s.Id, d => d.Id);
        }
    }

    private sealed class Noop : StepBody
    {
        public override ExecutionResult Run(IStepExecutionContext context) => ExecutionResult.Next();
    }

    private sealed class Finish : StepBody
    {
        public int Id { get; set; }

        public override ExecutionResult Run(IStepExecutionContext context)
        {
            if (Completions.TryGetValue(Id, out var done))
            {
                done.TrySetResult();
            }

            return ExecutionResult.Next();
        }
    }
}
