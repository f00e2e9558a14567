using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SmartKiosk.Workflows.Definitions;
using SmartKiosk.Workflows.Extensions;
using SmartKiosk.Workflows.Models;
using SmartKiosk.Workflows.Serialization;
using SmartKiosk.Workflows.Tests.Infrastructure;
using static SmartKiosk.Workflows.Tests.Infrastructure.Flow;

namespace SmartKiosk.Workflows.Tests.Definitions;

/// <summary>Each publish-time rule, with the message naming the node and port an administrator must fix.</summary>
public sealed class DefinitionValidationTests
{
    private static readonly DefinitionValidator Validator = new ServiceCollection()
        .AddLogging()
        .AddWorkflows(typeof(DefinitionValidationTests).Assembly)
        .BuildServiceProvider()
        .GetRequiredService<DefinitionValidator>();

    [Fact]
    public void A_valid_flow_has_no_errors() =>
        Assert.Empty(Validator.Validate(New().Add("end", "End").Connect("start", "end").Build()).Errors);

    [Fact]
    public void An_unknown_activity_type_is_named() =>
        AssertError(New().Add("ocr", "Recognition.Ocr").Add("end", "End").Chain("start", "ocr", "end"),
            "unknown-type", "Activity 'ocr' has unknown type 'Recognition.Ocr'.");

    [Fact]
    public void A_missing_required_input_is_named() =>
        AssertError(New().Add("decide", "Decision").Add("end", "End").Connect("start", "decide").Connect("decide", "end", "True").Connect("decide", "end", "False"),
            "required-input", "Activity 'decide' (Decision): required input 'Condition' is missing.");

    [Fact]
    public void A_dangling_connection_names_the_missing_activity() =>
        AssertError(New().Add("end", "End").Connect("start", "end").Connect("start", "ghost"),
            "dangling-connection", "refers to activity 'ghost', which does not exist");

    [Fact]
    public void A_connection_from_a_port_that_is_not_an_outcome_is_named() =>
        AssertError(New().Add("end", "End").Connect("start", "end").Connect("start", "end", "Maybe"),
            "unknown-port", "Connection from activity 'start' uses port 'Maybe'");

    [Fact]
    public void An_unreachable_node_is_named() =>
        AssertError(New().Add("end", "End").Add("orphan", "Log", Liquid("Message", "x")).Connect("start", "end").Connect("orphan", "end"),
            "unreachable", "Activity 'orphan' cannot be reached from Start.");

    [Fact]
    public void An_outcome_that_can_fire_but_is_not_connected_is_named() =>
        AssertError(New().Add("decide", "Decision", Js("Condition", "true")).Add("end", "End").Connect("start", "decide").Connect("decide", "end", "True"),
            "unconnected-outcome", "Activity 'decide' (Decision): outcome 'False' can fire but is not connected.");

    [Fact]
    public void A_loop_without_exit_is_rejected_and_a_loop_with_one_is_not()
    {
        var trapped = New().Variable("n", 0)
            .Add("a", "SetVariable", Set("n", "variables.n + 1"))
            .Add("b", "Log", Liquid("Message", "{{ variables.n }}"))
            .Connect("start", "a").Connect("a", "b").Connect("b", "a");
        AssertError(trapped, "loop-without-exit", "The loop through activities 'a', 'b' has no exit");

        var rescan = New().Variable("n", 0)
            .Add("capture", "WaitForSignal", Signal("scanned"))
            .Add("good", "Decision", Js("Condition", "outputs.capture.Payload.quality > 0.8"))
            .Add("end", "End")
            .Connect("start", "capture").Connect("capture", "good").Connect("good", "capture", "False").Connect("good", "end", "True");
        Assert.Empty(Validator.Validate(rescan.Build()).Errors);
    }

    [Fact]
    public void Exactly_one_start_is_required()
    {
        var none = new WorkflowDefinition { DefinitionId = "none", Name = "n", Root = new Flowchart { Activities = [new ActivityNode { Id = "end", Type = "End" }] } };
        Assert.Contains(Validator.Validate(none).Errors, e => e.Code == "start" && e.Message == "The flowchart has no Start activity.");
        AssertError(New().Add("start2", "Start").Add("end", "End").Connect("start", "end").Connect("start2", "end"), "start", "2 Start activities");
    }

    [Fact]
    public void Duplicate_ids_undeclared_variables_unknown_inputs_and_script_errors_are_named()
    {
        AssertError(New().Add("end", "End").Add("end", "End").Connect("start", "end"), "activity-duplicate", "Activity id 'end' is used twice.");
        AssertError(New().Add("set", "SetVariable", Set("total", "1")).Add("end", "End").Chain("start", "set", "end"),
            "undeclared-variable", "Activity 'set' sets variable 'total', which is not declared.");
        AssertError(New().Add("end", "End", Lit("Colour", "red")).Connect("start", "end"), "unknown-input", "Activity 'end' (End) has no input 'Colour'.");
        AssertError(New().Add("decide", "Decision", Js("Condition", "input.amount >")).Add("end", "End").Connect("start", "decide").Connect("decide", "end", "True").Connect("decide", "end", "False"),
            "expression-syntax", "Activity 'decide': the JavaScript of input 'Condition' has an error");
        AssertError(New().Add("switch", "Switch", Js("Cases", "[]")).Add("end", "End").Connect("start", "switch").Connect("switch", "end", "Default"),
            "literal-only", "Activity 'switch': input 'Cases' must be a literal value.");
    }

    [Fact]
    public void Switch_and_fork_ports_come_from_their_literal_inputs()
    {
        var cases = JsonNode.Parse("""[{"label":"Id","condition":"true"}]""");
        var flow = New().Add("switch", "Switch", Lit("Cases", cases)).Add("end", "End").Connect("start", "switch").Connect("switch", "end", "Id");
        AssertError(flow, "unconnected-outcome", "outcome 'Default' can fire but is not connected");
    }

    [Fact]
    public void The_example_in_the_documentation_and_every_sample_workflow_are_valid()
    {
        var markdown = File.ReadAllText(RepositoryPaths.Combine("docs", "workflow-json.md"));
        var start = markdown.IndexOf("```json", StringComparison.Ordinal) + "```json".Length;
        var json = markdown[start..markdown.IndexOf("```", start, StringComparison.Ordinal)];
        var samples = Directory.GetFiles(RepositoryPaths.Combine("samples", "workflows"), "*.json");
        Assert.NotEmpty(samples);

        foreach (var (name, text) in samples.Select(f => (f, File.ReadAllText(f))).Prepend(("docs/workflow-json.md", json)))
        {
            var result = Validator.Validate(WorkflowJson.Deserialize(text));
            Assert.True(result.IsValid, $"{name}: {string.Join("; ", result.Errors.Select(e => e.Message))}");
        }
    }

    private static void AssertError(Flow flow, string code, string message)
    {
        var errors = Validator.Validate(flow.Build()).Errors;
        Assert.Contains(errors, e => e.Code == code && e.Message.Contains(message, StringComparison.Ordinal));
    }
}
