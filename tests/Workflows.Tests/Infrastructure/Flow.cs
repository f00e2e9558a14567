using System.Text.Json.Nodes;
using SmartKiosk.Workflows.Models;

namespace SmartKiosk.Workflows.Tests.Infrastructure;

/// <summary>A terse builder for test definitions: <c>Flow.New("x").Add("a", "Log", ...).Connect("start", "a")</c>.</summary>
public sealed class Flow
{
    private readonly WorkflowDefinition _definition;

    private Flow(string id)
    {
        _definition = new WorkflowDefinition { DefinitionId = id, Name = $"Test {id}" };
        Add("start", "Start");
    }

    public static Flow New(string? id = null) => new(id ?? "wf-" + Guid.NewGuid().ToString("N")[..12]);

    public string Id => _definition.DefinitionId;

    public Flow Variable(string name, JsonNode? initial = null)
    {
        _definition.Variables.Add(new VariableDefinition { Name = name, Default = initial });
        return this;
    }

    /// <summary>A variable holding personal data: what is written to it is redacted from the journal.</summary>
    public Flow PersonalVariable(string name)
    {
        _definition.Variables.Add(new VariableDefinition { Name = name, IsPersonalData = true });
        return this;
    }

    public Flow Add(string id, string type, params (string Name, InputExpression Value)[] inputs)
    {
        var node = new ActivityNode { Id = id, Type = type };
        foreach (var (name, value) in inputs)
        {
            node.Inputs[name] = value;
        }

        _definition.Root.Activities.Add(node);
        return this;
    }

    public Flow Connect(string source, string target, string port = "Done")
    {
        _definition.Root.Connections.Add(new Connection
        {
            Source = new Endpoint { Activity = source, Port = port },
            Target = new Endpoint { Activity = target, Port = "In" },
        });
        return this;
    }

    /// <summary>Chains activities on their Done outcome.</summary>
    public Flow Chain(params string[] ids)
    {
        for (var i = 0; i + 1 < ids.Length; i++)
        {
            Connect(ids[i], ids[i + 1]);
        }

        return this;
    }

    public WorkflowDefinition Build() => _definition;

    public static (string, InputExpression) Js(string name, string code) => (name, InputExpression.JavaScript(code));

    public static (string, InputExpression) Lit(string name, JsonNode? value) => (name, InputExpression.Literal(value));

    public static (string, InputExpression) Liquid(string name, string template) => (name, InputExpression.Liquid(template));

    /// <summary>A SetVariable node's inputs.</summary>
    public static (string, InputExpression)[] Set(string variable, string javaScript) =>
        [Lit("Variable", variable), Js("Value", javaScript)];

    public static (string, InputExpression)[] Signal(string name) => [Lit("Signal", name)];
}
