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
    public void The_example_in_the_documentation_and_the_engine_only_samples_are_valid()
    {
        var markdown = File.ReadAllText(RepositoryPaths.Combine("docs", "workflow-json.md"));
        var start = markdown.IndexOf("```json", StringComparison.Ordinal) + "```json".Length;
        var json = markdown[start..markdown.IndexOf("```", start, StringComparison.Ordinal)];

        // Samples that use certification activities are validated with those activities registered
        // (tests/Activities.Tests, SampleWorkflowTests); the engine knows only its own.
        var samples = Directory.GetFiles(RepositoryPaths.Combine("samples", "workflows"), "*.json")
            .Select(f => (f, File.ReadAllText(f)))
            .Where(s => WorkflowJson.Deserialize(s.Item2).Root.Activities.All(a => EngineServices.Registry.Find(a.Type) is not null))
            .ToList();
        Assert.NotEmpty(samples);

        foreach (var (name, text) in samples.Prepend(("docs/workflow-json.md", json)))
        {
            var result = Validator.Validate(WorkflowJson.Deserialize(text));
            Assert.True(result.IsValid, $"{name}: {string.Join("; ", result.Errors.Select(e => e.Message))}");
        }
    }

    [Theory]
    [InlineData("Decision", "Condition")]
    [InlineData("WaitForSignal", "Signal")]
    [InlineData("Fault", "Message")]
    [InlineData("SetVariable", "Variable")]
    public void Each_missing_required_input_names_node_and_input(string type, string input)
    {
        var flow = New().Add("node", type).Connect("start", "node");
        foreach (var outcome in EngineServices.Registry.Find(type)!.Outcomes)
        {
            flow.Add("after" + outcome, "End").Connect("node", "after" + outcome, outcome);
        }

        var error = Single(flow, "required-input");

        Assert.Equal(("node", input), (error.ActivityId, error.Input));
        Assert.Contains("'node'", error.Message);
        Assert.Contains($"'{input}'", error.Message);
    }

    [Fact]
    public void A_blank_string_counts_as_a_missing_required_input()
    {
        var error = Single(New().Add("wait", "WaitForSignal", Lit("Signal", "   ")).Add("end", "End").Chain("start", "wait", "end"), "required-input");

        Assert.Equal(("wait", "Signal"), (error.ActivityId, error.Input));
    }

    /// <summary>The designer highlights the node, port or input from these fields, not from the text.</summary>
    [Fact]
    public void Errors_carry_the_node_port_and_input_as_fields()
    {
        var dangling = Single(New().Add("end", "End").Connect("start", "end").Connect("start", "ghost"), "dangling-connection");
        Assert.Equal(("start", "Done"), (dangling.ActivityId, dangling.Port));
        Assert.Contains("start:Done", dangling.Message);

        var port = Single(New().Add("end", "End").Connect("start", "end").Connect("start", "end", "Maybe"), "unknown-port");
        Assert.Equal(("start", "Maybe"), (port.ActivityId, port.Port));
        Assert.Contains("(Done)", port.Message);

        var unconnected = Single(New().Add("decide", "Decision", Js("Condition", "true")).Add("end", "End").Connect("start", "decide").Connect("decide", "end", "True"), "unconnected-outcome");
        Assert.Equal(("decide", "False"), (unconnected.ActivityId, unconnected.Port));

        var unreachable = Single(New().Add("end", "End").Add("orphan", "Log", Liquid("Message", "x")).Connect("start", "end").Connect("orphan", "end"), "unreachable");
        Assert.Equal("orphan", unreachable.ActivityId);

        var unknownType = Single(New().Add("ocr", "Recognition.Ocr").Add("end", "End").Chain("start", "ocr", "end"), "unknown-type");
        Assert.Equal("ocr", unknownType.ActivityId);

        var unknownInput = Single(New().Add("end", "End", Lit("Colour", "red")).Connect("start", "end"), "unknown-input");
        Assert.Equal(("end", "Colour"), (unknownInput.ActivityId, unknownInput.Input));

        var literalOnly = Single(New().Add("switch", "Switch", Js("Cases", "[]")).Add("end", "End").Connect("start", "switch").Connect("switch", "end", "Default"), "literal-only");
        Assert.Equal(("switch", "Cases"), (literalOnly.ActivityId, literalOnly.Input));

        var undeclared = Single(New().Add("set", "SetVariable", Set("total", "1")).Add("end", "End").Chain("start", "set", "end"), "undeclared-variable");
        Assert.Equal(("set", "Variable"), (undeclared.ActivityId, undeclared.Input));

        var syntax = Single(New().Add("decide", "Decision", Js("Condition", "input.amount >")).Add("end", "End").Connect("start", "decide").Connect("decide", "end", "True").Connect("decide", "end", "False"), "expression-syntax");
        Assert.Equal(("decide", "Condition"), (syntax.ActivityId, syntax.Input));

        var duplicate = Single(New().Add("end", "End").Add("end", "End").Connect("start", "end"), "activity-duplicate");
        Assert.Equal("end", duplicate.ActivityId);

        var loop = Single(New().Add("a", "Log", Liquid("Message", "a")).Add("b", "Log", Liquid("Message", "b")).Connect("start", "a").Connect("a", "b").Connect("b", "a"), "loop-without-exit");
        Assert.Equal("a", loop.ActivityId);
    }

    [Fact]
    public void A_loop_without_exit_is_the_only_error_of_an_otherwise_complete_graph()
    {
        var trapped = New()
            .Add("a", "Log", Liquid("Message", "a"))
            .Add("b", "Log", Liquid("Message", "b"))
            .Connect("start", "a").Connect("a", "b").Connect("b", "a");

        Assert.Equal(["loop-without-exit"], Validator.Validate(trapped.Build()).Errors.Select(e => e.Code));
    }

    [Fact]
    public void A_self_loop_without_exit_is_rejected() =>
        AssertError(New().Add("spin", "Log", Liquid("Message", "again")).Connect("start", "spin").Connect("spin", "spin"),
            "loop-without-exit", "The loop through activities 'spin' has no exit");

    [Fact]
    public void A_dangling_connection_from_a_missing_source_is_named() =>
        AssertError(New().Add("end", "End").Connect("start", "end").Connect("phantom", "end"),
            "dangling-connection", "refers to activity 'phantom', which does not exist");

    /// <summary>The runtime compiles scripts in strict mode, so the check must too (regression for bc7d99b).</summary>
    [Theory]
    [InlineData("010 > 1")]
    [InlineData("with (input) { amount > 1 }")]
    public void A_script_that_only_sloppy_mode_accepts_is_a_syntax_error(string code) =>
        AssertError(New().Add("decide", "Decision", Js("Condition", code)).Add("end", "End").Connect("start", "decide").Connect("decide", "end", "True").Connect("decide", "end", "False"),
            "expression-syntax", "Activity 'decide': the JavaScript of input 'Condition' has an error");

    [Fact]
    public void A_Liquid_syntax_error_is_named() =>
        AssertError(New().Add("log", "Log", Liquid("Message", "Hồ sơ {{ input.dossier ")).Add("end", "End").Chain("start", "log", "end"),
            "expression-syntax", "Activity 'log': the Liquid of input 'Message' has an error");

    /// <summary>
    /// A Switch's case conditions are JavaScript that the runtime evaluates (Switch.ExecuteAsync), but
    /// they sit inside a literal, so no syntax check sees them: a broken one publishes and then faults
    /// every instance that reaches the Switch.
    /// </summary>
    [Fact]
    public void A_syntax_error_in_a_Switch_case_condition_is_named()
    {
        var cases = JsonNode.Parse("""[{"label":"IdCard","condition":"input.documentType === "}]""");
        var flow = New().Add("switch", "Switch", Lit("Cases", cases)).Add("end", "End")
            .Connect("start", "switch").Connect("switch", "end", "IdCard").Connect("switch", "end", "Default");

        var errors = Validator.Validate(flow.Build()).Errors;

        var error = Assert.Single(errors);
        Assert.Equal(("switch", "Cases"), (error.ActivityId, error.Input));
        Assert.Contains("'IdCard'", error.Message);
    }

    [Fact]
    public void A_literal_that_does_not_match_the_input_pattern_is_named()
    {
        var error = Single(New().Add("wait", "WaitForSignal", Lit("Signal", "scan complete!")).Add("end", "End").Chain("start", "wait", "end"), "input-pattern");

        Assert.Equal(("wait", "Signal"), (error.ActivityId, error.Input));
    }

    [Theory]
    [InlineData("Decision", "Condition", "\"yes\"", "boolean")]
    [InlineData("Join", "Mode", "\"WaitSome\"", "JoinMode")]
    [InlineData("Fork", "Branches", "\"Photo\"", "string[]")]
    [InlineData("Log", "RetryBackoff", "\"soon\"", "duration")]
    public void A_literal_of_the_wrong_type_is_named(string type, string input, string literal, string expected)
    {
        (string, InputExpression)[] inputs = type == "Log"
            ? [Lit(input, JsonNode.Parse(literal)), Liquid("Message", "x")]
            : [Lit(input, JsonNode.Parse(literal))];
        var flow = New().Add("node", type, inputs).Connect("start", "node");

        var error = Single(flow, "input-type");

        Assert.Equal(("node", input), (error.ActivityId, error.Input));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Retry_inputs_are_literal_only()
    {
        var error = Single(New().Add("log", "Log", Liquid("Message", "x"), Js("RetryMaxAttempts", "3")).Add("end", "End").Chain("start", "log", "end"), "literal-only");

        Assert.Equal(("log", "RetryMaxAttempts"), (error.ActivityId, error.Input));
    }

    [Fact]
    public void A_connection_into_Start_is_named()
    {
        var flow = New().Add("decide", "Decision", Js("Condition", "true")).Add("end", "End")
            .Connect("start", "decide").Connect("decide", "end", "True").Connect("decide", "start", "False");

        var error = Single(flow, "into-start");

        Assert.Equal("start", error.ActivityId);
        Assert.Contains("decide:False", error.Message);
    }

    [Fact]
    public void An_unknown_expression_type_is_named()
    {
        var flow = New().Add("log", "Log", ("Message", new InputExpression { Type = "Python", Value = "print(1)" })).Add("end", "End").Chain("start", "log", "end");

        var error = Single(flow, "expression-type");

        Assert.Equal(("log", "Message"), (error.ActivityId, error.Input));
    }

    [Theory]
    [InlineData("1st")]
    [InlineData("has space")]
    [InlineData("")]
    public void An_invalid_variable_name_is_named(string name) =>
        AssertError(New().Variable(name).Add("end", "End").Chain("start", "end"), "variable-name", $"Variable name '{name}'");

    [Fact]
    public void A_variable_declared_twice_is_named() =>
        AssertError(New().Variable("fee").Variable("fee").Add("end", "End").Chain("start", "end"), "variable-duplicate", "Variable 'fee' is declared twice.");

    [Theory]
    [InlineData("")]
    [InlineData("-starts-with-dash")]
    [InlineData("has space")]
    [InlineData("../escape")]
    public void An_invalid_definition_id_is_refused(string id)
    {
        var definition = New().Add("end", "End").Chain("start", "end").Build();
        definition.DefinitionId = id;

        Assert.Contains(Validator.Validate(definition).Errors, e => e.Code == "definition-id");
    }

    [Fact]
    public void A_definition_needs_a_name()
    {
        var definition = New().Add("end", "End").Chain("start", "end").Build();
        definition.Name = " ";

        Assert.Contains(Validator.Validate(definition).Errors, e => e.Code == "text-required" && e.Message.Contains("definition name"));
    }

    [Fact]
    public void More_than_500_activities_are_refused()
    {
        var flow = New();
        for (var i = 0; i < 500; i++)
        {
            flow.Add($"log{i}", "Log", Liquid("Message", "x"));
        }

        AssertError(flow, "too-many", "more than 500 activities");
    }

    /// <summary>Messages are shown as-is (designer, problem details): none may carry markup taken from the definition.</summary>
    [Fact]
    public void Validation_messages_never_echo_markup_from_the_definition()
    {
        const string Markup = "<svg onload=alert(1)>";
        var cases = JsonNode.Parse($$"""[{"label":"{{Markup}}","condition":"true"}]""");
        var flow = New()
            .Add("route", "Switch", Lit("Cases", cases), Lit(Markup, 1))
            .Add("odd", Markup)
            .Add("end", "End")
            .Connect("start", "route").Connect("route", "end", "Default").Connect("route", "end", "Nope" + Markup)
            .Connect("odd", Markup + "ghost").Connect(Markup, "end");

        var errors = Validator.Validate(flow.Build()).Errors;

        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.DoesNotContain("<svg", e.Message, StringComparison.Ordinal));
    }

    private static readonly string[] CodeSources = ["Definitions/DefinitionValidator.cs", "Serialization/WorkflowJson.cs", "Serialization/DefinitionFormatException.cs"];

    /// <summary>The code table in docs/workflow-json.md is what API clients rely on: every code the validator or reader can produce is in it.</summary>
    [Fact]
    public void Every_error_code_is_documented()
    {
        var markdown = File.ReadAllText(RepositoryPaths.Combine("docs", "workflow-json.md"));
        var sources = CodeSources.Select(f => File.ReadAllText(RepositoryPaths.Combine("Workflows", f)));
        var codes = sources
            .SelectMany(source => System.Text.RegularExpressions.Regex.Matches(source, @"new(?: DefinitionFormatException)?\(""(?<code>[a-z]+(?:-[a-z]+)*)"",").Select(m => m.Groups["code"].Value))
            .Append("too-large")
            .Distinct()
            .ToList();

        Assert.True(codes.Count >= 30, $"Only found {codes.Count} codes; has the validator's style changed? {string.Join(", ", codes)}");
        Assert.All(codes, code => Assert.Contains($"`{code}`", markdown, StringComparison.Ordinal));
    }

    private static ValidationError Single(Flow flow, string code)
    {
        var errors = Validator.Validate(flow.Build()).Errors;
        var matching = errors.Where(e => e.Code == code).ToList();
        Assert.True(matching.Count == 1, $"Expected one '{code}' error, got: {string.Join("; ", errors.Select(e => $"[{e.Code}] {e.Message}"))}");
        return matching[0];
    }

    private static void AssertError(Flow flow, string code, string message)
    {
        var errors = Validator.Validate(flow.Build()).Errors;
        Assert.Contains(errors, e => e.Code == code && e.Message.Contains(message, StringComparison.Ordinal));
    }
}
