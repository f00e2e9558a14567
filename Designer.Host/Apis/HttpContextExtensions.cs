namespace SmartKiosk.Designer.Host.Apis;

internal static class HttpContextExtensions
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>The signed-in user's name, recorded as the actor in audit entries.</summary>
    public static string Actor(this HttpContext context) => context.User.Identity?.Name ?? "unknown";

    public static string? IdempotencyKey(this HttpRequest request) =>
        request.Headers.TryGetValue(IdempotencyKeyHeader, out var value) && !string.IsNullOrWhiteSpace(value) ? value.ToString() : null;
}
