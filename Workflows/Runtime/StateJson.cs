using System.Text.Json;
using System.Text.Json.Serialization;

namespace SmartKiosk.Workflows.Runtime;

/// <summary>Serialises <see cref="WorkflowState"/> for the instance row.</summary>
internal static class StateJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Serialize(WorkflowState state) => JsonSerializer.Serialize(state, Options);

    public static WorkflowState Deserialize(string json) =>
        JsonSerializer.Deserialize<WorkflowState>(json, Options) ?? new WorkflowState();
}
