using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using SmartKiosk.Workflows.Models;

namespace SmartKiosk.Workflows.Serialization;

/// <summary>
/// Reads and writes definition JSON with hard limits, because definitions arrive from browsers
/// and files: a 50 MB or deeply nested document must be refused before it costs memory.
/// </summary>
public static class WorkflowJson
{
    /// <summary>A real certification flow is a few dozen activities, well under 100 KB.</summary>
    public const int DefaultMaxBytes = 1024 * 1024;

    public const int MaxDepth = 32;

    public static readonly JsonSerializerOptions Options = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            MaxDepth = MaxDepth,
            WriteIndented = false,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            ReadCommentHandling = JsonCommentHandling.Disallow,
            AllowTrailingCommas = false,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    public static string Serialize(WorkflowDefinition definition) => JsonSerializer.Serialize(definition, Options);

    public static WorkflowDefinition Deserialize(string json, int maxBytes = DefaultMaxBytes)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (Encoding.UTF8.GetMaxByteCount(json.Length) > maxBytes && Encoding.UTF8.GetByteCount(json) > maxBytes)
        {
            throw DefinitionFormatException.TooLarge(maxBytes);
        }

        return DeserializeCore(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Reads at most <paramref name="maxBytes"/> from the stream; never buffers more.</summary>
    public static async Task<WorkflowDefinition> DeserializeAsync(Stream stream, CancellationToken cancellationToken, int maxBytes = DefaultMaxBytes)
    {
        var utf8 = await BoundedStream.ReadAtMostAsync(stream, maxBytes, cancellationToken)
            ?? throw DefinitionFormatException.TooLarge(maxBytes);
        return DeserializeCore(utf8);
    }

    private static WorkflowDefinition DeserializeCore(byte[] utf8)
    {
        if (utf8.Length == 0)
        {
            throw new DefinitionFormatException("empty", "The definition is empty.");
        }

        try
        {
            return JsonSerializer.Deserialize<WorkflowDefinition>(utf8, Options)
                ?? throw new DefinitionFormatException("null", "The definition is null.");
        }
        catch (JsonException ex) when (ex.Message.Contains("maximum configured depth", StringComparison.OrdinalIgnoreCase))
        {
            throw new DefinitionFormatException("too-deep", $"The definition is nested deeper than {MaxDepth} levels.", ex);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" (line {line + 1}, position {ex.BytePositionInLine + 1})" : "";
            throw new DefinitionFormatException("malformed", $"The definition is not valid JSON{where}: {FirstSentence(ex.Message)}", ex);
        }
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..(end + 1)] : message;
    }
}
