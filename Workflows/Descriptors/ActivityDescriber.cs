using System.Reflection;
using System.Text.Json.Nodes;
using SmartKiosk.Workflows.Attributes;
using SmartKiosk.Workflows.Contracts;
using SmartKiosk.Workflows.Models;

namespace SmartKiosk.Workflows.Descriptors;

/// <summary>Builds an <see cref="ActivityDescriptor"/> from an activity class by reflection.</summary>
public static class ActivityDescriber
{
    public static ActivityDescriptor Describe(Type type)
    {
        if (!typeof(Activity).IsAssignableFrom(type) || type.IsAbstract)
        {
            throw new ArgumentException($"{type.FullName} is not a concrete activity.", nameof(type));
        }

        var attribute = type.GetCustomAttribute<ActivityAttribute>()
            ?? throw new InvalidOperationException($"Activity {type.FullName} has no [Activity] attribute.");
        var outcomes = type.GetCustomAttribute<OutcomesAttribute>();

        return new ActivityDescriptor
        {
            Type = attribute.Type,
            Version = attribute.Version,
            Category = attribute.Category,
            DisplayName = attribute.DisplayName ?? Humanize(type.Name),
            Description = attribute.Description,
            ClrType = type,
            Inputs = [.. DescribeInputs(type), .. RetryInputs(type)],
            Outputs = DescribeOutputs(type),
            Outcomes = outcomes?.Names ?? [],
            OutcomeProvider = outcomes?.Provider is { } provider
                ? (IOutcomeProvider)Activator.CreateInstance(provider)!
                : null,
        };
    }

    private static List<InputDescriptor> DescribeInputs(Type type) =>
        [.. from property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            let input = property.GetCustomAttribute<InputAttribute>()
            where input is not null
            select new InputDescriptor
            {
                Name = property.Name,
                Type = TypeName(property.PropertyType),
                DisplayName = input.DisplayName ?? Humanize(property.Name),
                Description = input.Description,
                UIHint = input.UIHint ?? DefaultUIHint(property.PropertyType),
                Required = input.Required,
                Default = input.DefaultJson is null ? null : JsonNode.Parse(input.DefaultJson),
                DefaultSyntax = input.DefaultSyntax,
                LiteralOnly = input.LiteralOnly,
                Options = input.Options ?? EnumOptions(property.PropertyType),
                Pattern = input.Pattern,
                IsPersonalData = input.IsPersonalData,
                Property = property.CanWrite
                    ? property
                    : throw new InvalidOperationException($"Input {type.Name}.{property.Name} needs a setter."),
            }];

    public const string RetryMaxAttemptsInput = "RetryMaxAttempts";
    public const string RetryBackoffInput = "RetryBackoff";

    /// <summary>Every activity can be retried; the defaults come from its [Retry] attribute, else the engine's.</summary>
    private static InputDescriptor[] RetryInputs(Type type)
    {
        var retry = type.GetCustomAttribute<RetryAttribute>();
        return
        [
            new InputDescriptor
            {
                Name = RetryMaxAttemptsInput,
                Type = "integer",
                DisplayName = "Retry: attempts",
                Description = "Attempts in all before an incident is raised (1 = no retry).",
                UIHint = "singleline",
                Default = retry is null ? null : JsonValue.Create(retry.MaxAttempts),
                DefaultSyntax = ExpressionSyntax.Literal,
                LiteralOnly = true,
                Category = "Retry",
                EngineValueType = typeof(int),
            },
            new InputDescriptor
            {
                Name = RetryBackoffInput,
                Type = "duration",
                DisplayName = "Retry: first backoff",
                Description = "Wait before the first retry (hh:mm:ss); doubled for each further retry.",
                UIHint = "singleline",
                Default = retry is null ? null : JsonValue.Create(TimeSpan.FromSeconds(retry.BackoffSeconds).ToString("c", System.Globalization.CultureInfo.InvariantCulture)),
                DefaultSyntax = ExpressionSyntax.Literal,
                LiteralOnly = true,
                Category = "Retry",
                EngineValueType = typeof(TimeSpan),
            },
        ];
    }

    private static List<OutputDescriptor> DescribeOutputs(Type type) =>
        [.. from property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            let output = property.GetCustomAttribute<OutputAttribute>()
            where output is not null
            select new OutputDescriptor
            {
                Name = property.Name,
                Type = TypeName(property.PropertyType),
                DisplayName = output.DisplayName ?? Humanize(property.Name),
                Description = output.Description,
                IsPersonalData = output.IsPersonalData,
                Property = property,
            }];

    internal static string TypeName(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(string)) return "string";
        if (t == typeof(bool)) return "boolean";
        if (t == typeof(int) || t == typeof(long)) return "integer";
        if (t == typeof(double) || t == typeof(decimal) || t == typeof(float)) return "number";
        if (t == typeof(TimeSpan)) return "duration";
        if (t == typeof(DateTimeOffset) || t == typeof(DateTime)) return "datetime";
        if (t.IsEnum) return t.Name;
        if (t == typeof(string[]) || t == typeof(List<string>) || t == typeof(IReadOnlyList<string>)) return "string[]";
        return "json";
    }

    private static string DefaultUIHint(Type type) => TypeName(type) switch
    {
        "boolean" => "checkbox",
        "string[]" => "string-list",
        "json" => "json",
        var name when (Nullable.GetUnderlyingType(type) ?? type).IsEnum && name.Length > 0 => "dropdown",
        _ => "singleline",
    };

    private static string[]? EnumOptions(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsEnum ? Enum.GetNames(t) : null;
    }

    private static string Humanize(string name) =>
        string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) && !char.IsUpper(name[i - 1]) ? " " + c : c.ToString()));
}
