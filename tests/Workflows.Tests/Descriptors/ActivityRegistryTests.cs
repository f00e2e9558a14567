using System.Text.Json;
using System.Text.Json.Nodes;
using SmartKiosk.Workflows.Attributes;
using SmartKiosk.Workflows.Contracts;
using SmartKiosk.Workflows.Descriptors;
using SmartKiosk.Workflows.Models;
using SmartKiosk.Workflows.Runtime;
using SmartKiosk.Workflows.Serialization;
using SmartKiosk.Workflows.Tests.Infrastructure;

namespace SmartKiosk.Workflows.Tests.Descriptors;

/// <summary>
/// What the designer's toolbox and property panel receive: the registry built by reflection from the
/// [Activity], [Input], [Output] and [Outcomes] attributes of the built-in activities.
/// </summary>
public sealed class ActivityRegistryTests
{
    private static IActivityRegistry Registry => EngineServices.Registry;

    [Theory]
    [InlineData("Start", "Flow")]
    [InlineData("End", "Flow")]
    [InlineData("Decision", "Flow")]
    [InlineData("Switch", "Flow")]
    [InlineData("Fork", "Flow")]
    [InlineData("Join", "Flow")]
    [InlineData("SetVariable", "Primitives")]
    [InlineData("Fault", "Primitives")]
    [InlineData("Log", "Primitives")]
    [InlineData("WaitForSignal", "Signals")]
    public void Every_builtin_is_listed_with_its_category(string type, string category)
    {
        var descriptor = Assert.Single(Registry.All, d => d.Type == type);

        Assert.Equal(category, descriptor.Category);
        Assert.Equal(1, descriptor.Version);
        Assert.False(string.IsNullOrWhiteSpace(descriptor.DisplayName));
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Description));
        Assert.Same(descriptor, Registry.Find(type));
    }

    [Fact]
    public void The_list_is_ordered_by_category_then_display_name()
    {
        var keys = Registry.All.Select(d => (d.Category, d.DisplayName)).ToList();

        Assert.Equal(keys.OrderBy(k => k.Category, StringComparer.Ordinal).ThenBy(k => k.DisplayName, StringComparer.Ordinal), keys);
    }

    [Fact]
    public void Lookups_are_exact()
    {
        Assert.Null(Registry.Find("decision"));
        Assert.Null(Registry.Find("Recognition.Ocr"));
        Assert.Null(Registry.Find(""));
    }

    [Fact]
    public void Decision_has_a_required_JavaScript_condition_and_True_False_outcomes()
    {
        var decision = Registry.Find("Decision")!;

        var condition = Input(decision, "Condition");
        Assert.Equal(("boolean", true, ExpressionSyntax.JavaScript, "code"), (condition.Type, condition.Required, condition.DefaultSyntax, condition.UIHint));
        Assert.Null(condition.Default);
        Assert.Equal(["True", "False"], decision.Outcomes);
        Assert.False(decision.HasDynamicOutcomes);
        Assert.Empty(decision.Outputs);
    }

    [Fact]
    public void Switch_ports_are_Default_plus_the_labels_of_its_literal_cases()
    {
        var @switch = Registry.Find("Switch")!;

        var cases = Input(@switch, "Cases");
        Assert.Equal(("json", true, true, "switch-cases"), (cases.Type, cases.Required, cases.LiteralOnly, cases.UIHint));
        var mode = Input(@switch, "Mode");
        Assert.Equal("\"MatchFirst\"", mode.Default!.ToJsonString());
        Assert.Equal(["MatchFirst", "MatchAny"], mode.Options!);
        Assert.Equal("dropdown", mode.UIHint);
        Assert.True(mode.LiteralOnly);

        Assert.True(@switch.HasDynamicOutcomes);
        Assert.Equal(["Default"], @switch.Outcomes);
        Assert.Equal(["Default", "IdCard", "Birth"], @switch.GetOutcomes(Node("Switch", ("Cases", InputExpression.Literal(JsonNode.Parse(
            """[{"label":"IdCard","condition":"input.documentType === 'CCCD'"},{"label":"Birth","condition":"input.documentType === 'BIRTH'"}]"""))))));
        Assert.Equal(["Default"], @switch.GetOutcomes(Node("Switch")));
        Assert.Equal(["Default"], @switch.GetOutcomes(Node("Switch", ("Cases", InputExpression.JavaScript("[]")))));
        Assert.Equal(["Default"], @switch.GetOutcomes(Node("Switch", ("Cases", InputExpression.Literal("not a list")))));
    }

    [Fact]
    public void Fork_ports_are_its_literal_branches_or_the_two_default_ones()
    {
        var fork = Registry.Find("Fork")!;

        var branches = Input(fork, "Branches");
        Assert.Equal(("string[]", true, true, "string-list"), (branches.Type, branches.Required, branches.LiteralOnly, branches.UIHint));
        Assert.Equal("""["Branch1","Branch2"]""", branches.Default!.ToJsonString());

        Assert.True(fork.HasDynamicOutcomes);
        Assert.Empty(fork.Outcomes);
        Assert.Equal(["Branch1", "Branch2"], fork.GetOutcomes(Node("Fork")));
        Assert.Equal(["Payment", "Signature"], fork.GetOutcomes(Node("Fork", ("Branches", InputExpression.Literal(new JsonArray("Payment", "Signature"))))));
        Assert.Empty(fork.GetOutcomes(Node("Fork", ("Branches", InputExpression.JavaScript("['a']")))));
    }

    [Fact]
    public void Join_has_a_literal_mode_defaulting_to_WaitAll_and_a_Done_outcome()
    {
        var join = Registry.Find("Join")!;

        var mode = Input(join, "Mode");
        Assert.Equal(("JoinMode", false, true), (mode.Type, mode.Required, mode.LiteralOnly));
        Assert.Equal("\"WaitAll\"", mode.Default!.ToJsonString());
        Assert.Equal(["WaitAll", "WaitAny"], mode.Options!);
        Assert.Equal([ActivityResult.DoneOutcome], join.Outcomes);
    }

    [Fact]
    public void WaitForSignal_has_a_required_patterned_signal_an_optional_correlation_and_a_payload_output()
    {
        var wait = Registry.Find("WaitForSignal")!;

        var signal = Input(wait, "Signal");
        Assert.Equal(("string", true, "singleline"), (signal.Type, signal.Required, signal.UIHint));
        Assert.NotNull(signal.Pattern);
        var correlation = Input(wait, "CorrelationId");
        Assert.Equal(("string", false, "Correlation Id"), (correlation.Type, correlation.Required, correlation.DisplayName));

        var payload = Assert.Single(wait.Outputs);
        Assert.Equal(("Payload", "json"), (payload.Name, payload.Type));
        Assert.Equal(["Done"], wait.Outcomes);
    }

    [Fact]
    public void SetVariable_Log_and_Fault_describe_their_inputs()
    {
        var set = Registry.Find("SetVariable")!;
        var variable = Input(set, "Variable");
        Assert.Equal(("string", true, true), (variable.Type, variable.Required, variable.LiteralOnly));
        var value = Input(set, "Value");
        Assert.Equal(("json", false, ExpressionSyntax.JavaScript), (value.Type, value.Required, value.DefaultSyntax));

        var log = Registry.Find("Log")!;
        var message = Input(log, "Message");
        Assert.Equal(("string", true, ExpressionSyntax.Liquid, "multiline"), (message.Type, message.Required, message.DefaultSyntax, message.UIHint));
        var level = Input(log, "Level");
        Assert.Equal(("LogLevel", "\"Information\"", true), (level.Type, level.Default!.ToJsonString(), level.LiteralOnly));
        Assert.Contains("Warning", level.Options!);

        var fault = Registry.Find("Fault")!;
        Assert.True(Input(fault, "Message").Required);
        Assert.Empty(fault.Outcomes);
    }

    [Theory]
    [InlineData("Start", new[] { "Done" })]
    [InlineData("End", new string[0])]
    [InlineData("Fault", new string[0])]
    [InlineData("SetVariable", new[] { "Done" })]
    [InlineData("Log", new[] { "Done" })]
    public void Fixed_outcomes_are_declared(string type, string[] outcomes) =>
        Assert.Equal(outcomes, Registry.Find(type)!.Outcomes);

    [Fact]
    public void Every_activity_offers_the_literal_retry_inputs_after_its_own()
    {
        foreach (var descriptor in Registry.All)
        {
            var names = descriptor.Inputs.Select(i => i.Name).ToList();
            Assert.Equal(["RetryMaxAttempts", "RetryBackoff"], names[^2..]);
            Assert.All(descriptor.Inputs.Where(i => i.Name.StartsWith("Retry", StringComparison.Ordinal)), i =>
            {
                Assert.Equal("Retry", i.Category);
                Assert.True(i.LiteralOnly);
                Assert.False(i.Required);
                Assert.Null(i.Property);
            });
            Assert.All(descriptor.Inputs.Where(i => !i.Name.StartsWith("Retry", StringComparison.Ordinal)), i => Assert.Equal("Input", i.Category));
        }

        Assert.Equal(("integer", "duration"), (Input(Registry.Find("Log")!, "RetryMaxAttempts").Type, Input(Registry.Find("Log")!, "RetryBackoff").Type));
    }

    /// <summary>The toolbox API serializes descriptors: no CLR types or reflection objects may leak into it.</summary>
    [Fact]
    public void Descriptors_serialize_to_plain_JSON_for_the_designer()
    {
        var json = JsonSerializer.SerializeToNode(Registry.Find("Switch"), WorkflowJson.Options)!.AsObject();

        Assert.Equal("Switch", json["type"]!.GetValue<string>());
        Assert.Equal("Flow", json["category"]!.GetValue<string>());
        Assert.True(json["hasDynamicOutcomes"]!.GetValue<bool>());
        Assert.False(json.ContainsKey("clrType"));
        Assert.False(json.ContainsKey("outcomeProvider"));
        var cases = json["inputs"]!.AsArray().Single(i => i!["name"]!.GetValue<string>() == "Cases")!.AsObject();
        Assert.False(cases.ContainsKey("property"));
        Assert.False(cases.ContainsKey("valueType"));
        Assert.True(cases["literalOnly"]!.GetValue<bool>());
    }

    [Fact]
    public void Two_classes_declaring_the_same_type_name_are_refused()
    {
        var catalog = new ActivityTypeCatalog().Add(typeof(SameName<int>)).Add(typeof(SameName<string>));

        var refused = Assert.Throws<InvalidOperationException>(() => new ActivityRegistry(catalog));

        Assert.Contains("'Test.SameName'", refused.Message);
    }

    [Fact]
    public void An_activity_class_without_an_Activity_attribute_is_refused() =>
        Assert.Throws<InvalidOperationException>(() => ActivityDescriber.Describe(typeof(Unattributed<int>)));

    [Fact]
    public void Display_names_default_to_the_humanized_class_and_property_names()
    {
        var descriptor = ActivityDescriber.Describe(typeof(SameName<int>));

        Assert.StartsWith("Same Name", descriptor.DisplayName, StringComparison.Ordinal);
        Assert.Equal("Document Type", Input(descriptor, "DocumentType").DisplayName);
        Assert.Equal(("Test", "string"), (descriptor.Category, Input(descriptor, "DocumentType").Type));
    }

    private static InputDescriptor Input(ActivityDescriptor descriptor, string name) =>
        descriptor.FindInput(name) ?? throw new Xunit.Sdk.XunitException($"{descriptor.Type} has no input {name}.");

    private static ActivityNode Node(string type, params (string Name, InputExpression Value)[] inputs)
    {
        var node = new ActivityNode { Id = "n", Type = type };
        foreach (var (name, value) in inputs)
        {
            node.Inputs[name] = value;
        }

        return node;
    }

    // Generic on purpose: the catalog skips open generic types when scanning this assembly (as every
    // engine harness does), so these deliberately broken activities reach only the tests above.
    [Activity("Test.SameName", Category = "Test")]
    [Outcomes(ActivityResult.DoneOutcome)]
    private sealed class SameName<T> : Activity
    {
        [Input]
        public string DocumentType { get; set; } = "";

        public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context) => ValueTask.FromResult(ActivityResult.Done());
    }

    private sealed class Unattributed<T> : Activity
    {
        public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context) => ValueTask.FromResult(ActivityResult.Done());
    }
}
