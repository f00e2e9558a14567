using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SmartKiosk.Activities.Storage;
using SmartKiosk.TestSupport;

namespace SmartKiosk.Hosts.FunctionalTests.Infrastructure;

/// <summary>What the sample-workflow tests do on a host: publish a sample from samples/workflows, put scans in its blob store.</summary>
public static class SampleWorkflowHosting
{
    /// <summary>Signs in as admin, saves and publishes <c>samples/workflows/{definitionId}.json</c>; returns the signed-in client.</summary>
    public static async Task<HttpClient> PublishSampleAsync<T>(this HostFactory<T> host, string definitionId)
        where T : class
    {
        var admin = await host.SignInAsync("admin");
        var definition = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "samples", "workflows", $"{definitionId}.json"));
        using var content = new StringContent(definition, System.Text.Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/definitions", content)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/definitions/{definitionId}/publish", null)).StatusCode);
        return admin;
    }

    /// <summary>Stores <paramref name="content"/> in the host's blob store and returns its address.</summary>
    public static async Task<string> StoreBlobAsync<T>(this HostFactory<T> host, byte[] content)
        where T : class
    {
        using var stream = new MemoryStream(content);
        return (await host.Services.GetRequiredService<IBlobStore>().PutAsync(stream, CancellationToken.None)).Sha256;
    }
}
