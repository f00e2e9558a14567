using System.Text.Json.Nodes;
using SmartKiosk.Workflows.Expressions;
using SmartKiosk.Workflows.Expressions.JavaScript;
using SmartKiosk.Workflows.Expressions.Liquid;
using SmartKiosk.Workflows.Models;
using SmartKiosk.Workflows.Options;

namespace SmartKiosk.Workflows.Tests.Expressions;

/// <summary>
/// What an expression sees and how it fails. The per-limit cases (statements, memory, recursion) are
/// in <see cref="ScriptLimitTests"/>; these cover the rest of the JavaScript sandbox, Liquid and the dispatcher.
/// </summary>
public sealed class ExpressionTests
{
    private static readonly Guid InstanceId = Guid.Parse("0193a6f0-1234-7abc-8def-0123456789ab");
    private static readonly ExpressionSite Site = new("classify", "Condition");
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static readonly JavaScriptEvaluator JavaScript = Create(new ScriptLimitsOptions { Timeout = TimeSpan.FromSeconds(5) });
    private static readonly LiquidEvaluator Liquid = new();
    private static readonly ExpressionEvaluator Expressions = new(JavaScript, Liquid);

    private static ExpressionScope Scope(string? correlationId = "HS-2026-0042") => new(
        InstanceId,
        correlationId,
        new JsonObject { ["documentType"] = "CCCD", ["applicant"] = "Nguyễn Thị Minh Khai", ["pages"] = 3 },
        new Dictionary<string, JsonNode?> { ["feePerPage"] = 2000, ["approved"] = null, ["tags"] = new JsonArray("khẩn", "bản sao") },
        new Dictionary<string, JsonObject>
        {
            ["scan"] = new() { ["Payload"] = new JsonObject { ["pageCount"] = 3, ["quality"] = 0.97 } },
        });

    [Fact]
    public void JavaScript_sees_input_variables_outputs_correlation_and_instance_ids()
    {
        var result = Evaluate("""
            ({
              type: input.documentType,
              fee: variables.feePerPage * outputs.scan.Payload.pageCount,
              quality: outputs.scan.Payload.quality,
              approved: variables.approved,
              firstTag: variables.tags[0],
              correlationId: correlationId,
              instanceId: instanceId
            })
            """)!.AsObject();

        Assert.Equal("CCCD", result["type"]!.GetValue<string>());
        Assert.Equal(6000, result["fee"]!.GetValue<int>());
        Assert.Equal(0.97, result["quality"]!.GetValue<double>());
        Assert.Null(result["approved"]);
        Assert.Equal("khẩn", result["firstTag"]!.GetValue<string>());
        Assert.Equal("HS-2026-0042", result["correlationId"]!.GetValue<string>());
        Assert.Equal(InstanceId.ToString(), result["instanceId"]!.GetValue<string>());
    }

    [Fact]
    public void A_missing_correlation_id_is_null_and_unknown_outputs_are_undefined()
    {
        Assert.True(JavaScript.Evaluate("correlationId === null && outputs.ocr === undefined", Scope(correlationId: null), Site, Ct)!.GetValue<bool>());
    }

    [Theory]
    [InlineData("1 + 2", "3")]
    [InlineData("'Hồ sơ ' + input.pages", "\"Hồ sơ 3\"")]
    [InlineData("[1, 'a', null]", "[1,\"a\",null]")]
    [InlineData("new Date(0)", "\"1970-01-01T00:00:00.000Z\"")]
    [InlineData("0 / 0", null)]
    [InlineData("undefined", null)]
    [InlineData("(function () { return 1; })", null)]
    [InlineData("var x = 1; x + 1", "2")]
    public void Values_cross_the_boundary_as_JSON(string code, string? json) =>
        Assert.Equal(json, Evaluate(code)?.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));

    [Theory]
    [InlineData("typeof System")]
    [InlineData("typeof importNamespace")]
    [InlineData("typeof require")]
    [InlineData("typeof process")]
    [InlineData("typeof fetch")]
    [InlineData("typeof XMLHttpRequest")]
    public void The_sandbox_has_no_host_access(string code) =>
        Assert.Equal("undefined", Evaluate(code)!.GetValue<string>());

    [Fact]
    public void Scripts_cannot_change_the_scope_they_read()
    {
        var scope = Scope();

        Assert.Equal(99, JavaScript.Evaluate("input.pages = 99; variables.tags.push('x'); input.pages", scope, Site, Ct)!.GetValue<int>());

        Assert.Equal(3, scope.Input["pages"]!.GetValue<int>());
        Assert.Equal(2, scope.Variables["tags"]!.AsArray().Count);
    }

    [Fact]
    public void Every_evaluation_starts_from_a_clean_global_scope()
    {
        Evaluate("globalThis.leaked = 'secret'; 1");

        Assert.Equal("undefined", Evaluate("typeof leaked")!.GetValue<string>());
    }

    [Fact]
    public void Scripts_run_in_strict_mode()
    {
        var failed = Assert.Throws<ExpressionException>(() => Evaluate("undeclared = 1"));

        Assert.Contains("activity 'classify', input 'Condition' failed", failed.Message);
    }

    [Fact]
    public void A_script_running_too_long_is_stopped_by_the_timeout()
    {
        var evaluator = Create(new ScriptLimitsOptions { Timeout = TimeSpan.FromMilliseconds(100), MaxStatements = 0, MaxMemoryBytes = 0 });

        var stopped = Assert.Throws<ExpressionException>(() => evaluator.Evaluate("for (;;) { }", Scope(), Site, Ct));

        Assert.Contains("activity 'classify', input 'Condition' was stopped", stopped.Message);
        Assert.Contains("longer than 100 ms", stopped.Message);
    }

    [Fact]
    public void Cancellation_stops_a_running_script_as_cancellation()
    {
        var evaluator = Create(new ScriptLimitsOptions { Timeout = TimeSpan.FromSeconds(30), MaxStatements = 0, MaxMemoryBytes = 0 });
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        Assert.ThrowsAny<OperationCanceledException>(() => evaluator.Evaluate("for (;;) { }", Scope(), Site, cancel.Token));
    }

    [Theory]
    [InlineData("input.pages >")]
    [InlineData("if (")]
    [InlineData("010")]
    public void A_syntax_error_is_reported_with_activity_and_input(string code)
    {
        var failed = Assert.Throws<ExpressionException>(() => Evaluate(code));

        Assert.Contains("JavaScript in activity 'classify', input 'Condition' has a syntax error", failed.Message);
        Assert.NotNull(JavaScript.CheckSyntax(code));
    }

    [Fact]
    public void A_runtime_error_is_reported_with_activity_and_input()
    {
        var failed = Assert.Throws<ExpressionException>(() => Evaluate("outputs.ocr.Fields.name"));

        Assert.Contains("JavaScript in activity 'classify', input 'Condition' failed", failed.Message);
    }

    [Fact]
    public void A_thrown_error_keeps_its_message()
    {
        var failed = Assert.Throws<ExpressionException>(() => Evaluate("throw new Error('Thiếu trang 2')"));

        Assert.Contains("Thiếu trang 2", failed.Message);
    }

    [Fact]
    public void Valid_scripts_pass_the_syntax_check() =>
        Assert.Null(JavaScript.CheckSyntax("const fee = variables.feePerPage * input.pages; fee > 5000"));

    [Fact]
    public async Task Liquid_renders_Vietnamese_text_with_values_unescaped()
    {
        var text = await Liquid.RenderAsync(
            "Kính gửi {{ input.applicant }}: hồ sơ {{ correlationId }} ({{ input.documentType }}, {{ input.pages }} trang) đã được tiếp nhận.",
            Scope(),
            Site);

        Assert.Equal("Kính gửi Nguyễn Thị Minh Khai: hồ sơ HS-2026-0042 (CCCD, 3 trang) đã được tiếp nhận.", text);
    }

    [Fact]
    public async Task Liquid_reads_variables_outputs_lists_and_filters()
    {
        var text = await Liquid.RenderAsync(
            "{{ input.applicant | upcase }}|{{ variables.tags | join: ', ' }}|{{ outputs.scan.Payload.quality }}|{{ variables.feePerPage | times: input.pages }}|{% if variables.approved %}yes{% else %}no{% endif %}|{{ instanceId }}",
            Scope(),
            Site);

        Assert.Equal($"NGUYỄN THỊ MINH KHAI|khẩn, bản sao|0.97|6000|no|{InstanceId}", text);
    }

    [Fact]
    public async Task Liquid_renders_numbers_the_invariant_way()
    {
        var previous = Thread.CurrentThread.CurrentCulture;
        Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("vi-VN");
        try
        {
            var scope = Scope() with { Input = new JsonObject { ["fee"] = 20000.5, ["count"] = 12, ["big"] = 12345678901234 } };

            Assert.Equal("20000.5 12 12345678901234", await Liquid.RenderAsync("{{ input.fee }} {{ input.count }} {{ input.big }}", scope, Site));
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }
    }

    [Theory]
    [InlineData("Hồ sơ {{ input.applicant ")]
    [InlineData("{% if %}")]
    [InlineData("{% for x in %}{% endfor %}")]
    [InlineData("{% endif %}")]
    public async Task A_Liquid_syntax_error_names_activity_and_input(string template)
    {
        var failed = await Assert.ThrowsAsync<ExpressionException>(async () => await Liquid.RenderAsync(template, Scope(), Site));

        Assert.Contains("Liquid template in activity 'classify', input 'Condition' has a syntax error", failed.Message);
        Assert.NotNull(LiquidEvaluator.CheckSyntax(template));
    }

    [Fact]
    public async Task A_runaway_Liquid_loop_is_stopped_with_an_expression_error()
    {
        var failed = await Assert.ThrowsAsync<ExpressionException>(async () =>
            await Liquid.RenderAsync("{% for i in (1..10000000) %}x{% endfor %}", Scope(), Site));

        Assert.Contains("activity 'classify', input 'Condition'", failed.Message);
    }

    [Fact]
    public async Task The_dispatcher_returns_literals_as_copies_and_routes_scripts_and_templates()
    {
        var literal = new JsonObject { ["label"] = "IdCard" };

        var copy = await Expressions.EvaluateAsync(InputExpression.Literal(literal), Scope(), Site, Ct);
        copy!["label"] = "changed";

        Assert.Equal("IdCard", literal["label"]!.GetValue<string>());
        Assert.Equal(6000, (await Expressions.EvaluateAsync(InputExpression.JavaScript("variables.feePerPage * input.pages"), Scope(), Site, Ct))!.GetValue<int>());
        Assert.Equal("3 trang", (await Expressions.EvaluateAsync(InputExpression.Liquid("{{ input.pages }} trang"), Scope(), Site, Ct))!.GetValue<string>());
        Assert.Null(await Expressions.EvaluateAsync(InputExpression.Literal(null), Scope(), Site, Ct));
    }

    [Fact]
    public async Task The_dispatcher_refuses_unknown_syntaxes()
    {
        var unknown = new InputExpression { Type = "Python", Value = "1" };

        var failed = await Assert.ThrowsAsync<ExpressionException>(async () => await Expressions.EvaluateAsync(unknown, Scope(), Site, Ct));

        Assert.Contains("activity 'classify', input 'Condition'", failed.Message);
        Assert.NotNull(Expressions.CheckSyntax(unknown));
        Assert.Null(Expressions.CheckSyntax(InputExpression.Literal("{{ not a template }}")));
        Assert.NotNull(Expressions.CheckSyntax(InputExpression.JavaScript("1 +")));
        Assert.NotNull(Expressions.CheckSyntax(InputExpression.Liquid("{{ x ")));
    }

    private static JsonNode? Evaluate(string code) => JavaScript.Evaluate(code, Scope(), Site, Ct);

    private static JavaScriptEvaluator Create(ScriptLimitsOptions limits) =>
        new(Microsoft.Extensions.Options.Options.Create(new WorkflowsOptions { Scripts = limits }));
}
