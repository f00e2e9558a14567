namespace SmartKiosk.KioskGateway.Security;

/// <summary>
/// Marks an endpoint whose body (an image upload) is streamed to the blob store instead of being
/// buffered for the signature check: the store hashes what it writes, and the endpoint refuses the
/// upload (and deletes the blob) when that hash is not the signed <c>X-SK-Content-SHA256</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class StreamedBodyAttribute : Attribute;
