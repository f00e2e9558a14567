using System.Security.Cryptography;
using System.Text;

namespace SmartKiosk.Workflows.Runtime;

/// <summary>The lookup key of a bookmark: one indexed column instead of three.</summary>
public static class StimulusHash
{
    public static string Compute(string name, string stimulus, string? correlationId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{name}\n{stimulus}\n{correlationId}")));
}
