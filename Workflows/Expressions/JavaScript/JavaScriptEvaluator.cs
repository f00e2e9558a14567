using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Acornima.Ast;
using Jint;
using Jint.Native;
using Jint.Runtime;
using Microsoft.Extensions.Options;
using SmartKiosk.Workflows.Options;

namespace SmartKiosk.Workflows.Expressions.JavaScript;

/// <summary>
/// Runs JavaScript expressions with Jint in a sandbox: no CLR access (Jint's default), and limits on
/// time, statements, memory and recursion so a runaway script stops with an error naming its activity.
/// The value of the last expression statement is the result; values cross the boundary as JSON only.
/// </summary>
public sealed class JavaScriptEvaluator(IOptions<WorkflowsOptions> options)
{
    private const int MaxCachedScripts = 2048;
    private readonly ConcurrentDictionary<string, Prepared<Script>> _scripts = new(StringComparer.Ordinal);
    private readonly ScriptLimitsOptions _limits = options.Value.Scripts;

    public JsonNode? Evaluate(string code, ExpressionScope scope, ExpressionSite site, CancellationToken cancellationToken)
    {
        var script = Prepare(code, site);
        var engine = new Engine(o =>
        {
            o.TimeoutInterval(_limits.Timeout);
            o.MaxStatements(_limits.MaxStatements);
            o.LimitMemory(_limits.MaxMemoryBytes);
            o.LimitRecursion(_limits.MaxRecursion);
            o.CancellationToken(cancellationToken);
            o.Strict();
        });

        try
        {
            var parser = new Jint.Native.Json.JsonParser(engine);
            foreach (var (name, value) in scope.ToJson())
            {
                engine.SetValue(name, value is null ? JsValue.Null : parser.Parse(value.ToJsonString()));
            }

            var result = engine.Evaluate(script);
            return ToJson(engine, result);
        }
        catch (TimeoutException ex)
        {
            throw new ExpressionException($"JavaScript in {site} was stopped: it ran longer than {_limits.Timeout.TotalMilliseconds:0} ms.", ex);
        }
        catch (StatementsCountOverflowException ex)
        {
            throw new ExpressionException($"JavaScript in {site} was stopped: it ran more than {_limits.MaxStatements} statements.", ex);
        }
        catch (MemoryLimitExceededException ex)
        {
            throw new ExpressionException($"JavaScript in {site} was stopped: it used more than {_limits.MaxMemoryBytes / (1024 * 1024)} MB of memory.", ex);
        }
        catch (RecursionDepthOverflowException ex)
        {
            throw new ExpressionException($"JavaScript in {site} was stopped: recursion deeper than {_limits.MaxRecursion}.", ex);
        }
        catch (ExecutionCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
        catch (JavaScriptException ex)
        {
            throw new ExpressionException($"JavaScript in {site} failed: {ex.Message}", ex);
        }
    }

    public string? CheckSyntax(string code)
    {
        try
        {
            Engine.PrepareScript(code, strict: true);
            return null;
        }
        catch (ScriptPreparationException ex)
        {
            return ex.InnerException?.Message ?? ex.Message;
        }
    }

    private Prepared<Script> Prepare(string code, ExpressionSite site)
    {
        if (_scripts.TryGetValue(code, out var cached))
        {
            return cached;
        }

        Prepared<Script> prepared;
        try
        {
            prepared = Engine.PrepareScript(code, strict: true);
        }
        catch (ScriptPreparationException ex)
        {
            throw new ExpressionException($"JavaScript in {site} has a syntax error: {ex.InnerException?.Message ?? ex.Message}", ex);
        }

        if (_scripts.Count >= MaxCachedScripts)
        {
            _scripts.Clear();
        }

        _scripts.TryAdd(code, prepared);
        return prepared;
    }

    private static JsonNode? ToJson(Engine engine, JsValue value)
    {
        if (value.IsUndefined() || value.IsNull())
        {
            return null;
        }

        var text = new Jint.Native.Json.JsonSerializer(engine).Serialize(value);
        return text.IsUndefined() ? null : JsonNode.Parse(text.AsString());
    }
}
