using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using SmartKiosk.Workflows.Expressions;
using SmartKiosk.Workflows.Expressions.JavaScript;
using SmartKiosk.Workflows.Expressions.Liquid;
using SmartKiosk.Workflows.Options;

namespace SmartKiosk.Workflows.Tests.Expressions;

/// <summary>The JavaScript sandbox's limits each stop a script with a message naming where it was.</summary>
public sealed class ScriptLimitTests
{
    private static readonly ExpressionSite Site = new("check", "Condition");
    private static readonly JavaScriptEvaluator JavaScript = new(Microsoft.Extensions.Options.Options.Create(new WorkflowsOptions
    {
        Scripts = new ScriptLimitsOptions { Timeout = TimeSpan.FromSeconds(5), MaxStatements = 10_000, MaxMemoryBytes = 4 * 1024 * 1024, MaxRecursion = 32 },
    }));

    private static ExpressionScope Scope => new(
        Guid.Empty,
        "HS-1",
        new JsonObject { ["pages"] = 3 },
        new Dictionary<string, JsonNode?> { ["fee"] = 2000 },
        new Dictionary<string, JsonObject> { ["ocr"] = new JsonObject { ["Confidence"] = 0.97 } });

    [Fact]
    public void Scripts_see_input_variables_outputs_and_the_correlation_id() =>
        Assert.Equal("HS-1:3:2000:0.97", JavaScript.Evaluate("[correlationId, input.pages, variables.fee, outputs.ocr.Confidence].join(':')", Scope, Site, CancellationToken.None)!.GetValue<string>());

    [Theory]
    [InlineData("for (;;) { }", "statements")]
    [InlineData("var a = []; for (;;) { a.push(new Array(1000).join('x')); }", "MB of memory")]
    [InlineData("function f(n) { return f(n + 1); } f(0)", "recursion")]
    public void Each_limit_stops_a_runaway_script(string code, string reason)
    {
        var stopped = Assert.Throws<ExpressionException>(() => JavaScript.Evaluate(code, Scope, Site, CancellationToken.None));
        Assert.Contains("activity 'check', input 'Condition' was stopped", stopped.Message);
        Assert.Contains(reason, stopped.Message);
    }

    [Fact]
    public async Task Liquid_renders_Vietnamese_text_and_reports_syntax_errors()
    {
        var liquid = new LiquidEvaluator();
        Assert.Equal("Hồ sơ HS-1: 3 trang", await liquid.RenderAsync("Hồ sơ {{ correlationId }}: {{ input.pages }} trang", Scope, Site));
        await Assert.ThrowsAsync<ExpressionException>(async () => await liquid.RenderAsync("{% if %}", Scope, Site));
    }
}
