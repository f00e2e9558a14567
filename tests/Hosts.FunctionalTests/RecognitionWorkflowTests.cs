using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SmartKiosk.Activities.Storage;
using SmartKiosk.Hosts.FunctionalTests.Infrastructure;
using SmartKiosk.Samples.SyntheticDocuments;
using SmartKiosk.TestSupport;

namespace SmartKiosk.Hosts.FunctionalTests;

/// <summary>
/// The sample recognition workflow (samples/workflows/recognise-document.json) run by the back
/// office's engine on PostgreSQL: scans go through the blob store, the activities run on the real
/// engines, and their outcomes route the instance.
/// </summary>
public sealed class RecognitionWorkflowTests(PostgresDesignerHost fixture) : IClassFixture<PostgresDesignerHost>
{
    private static readonly string[] ValidateOutcomes = ["Valid", "NeedsReview", "Invalid"];

    [Fact]
    public async Task A_card_scan_is_recognised_and_validated_and_its_fields_kept_out_of_the_journal()
    {
        var card = new DocumentGenerator(seed: 31).Generate(DocumentKind.Cccd2021Front, CaptureKind.Scan);
        using var admin = await fixture.Host.PublishSampleAsync("recognise-document");

        var instance = await StartAsync(admin, await fixture.Host.StoreBlobAsync(card.Image), "cccd-2021-front");
        var journal = await admin.GetFromJsonAsync<JsonArray>($"/api/instances/{instance}/journal");

        var recognise = journal!.Single(e => e!["activityId"]!.ToString() == "recognise")!;
        Assert.Equal("Recognised", recognise["outcomes"]!.ToString());
        Assert.Equal("cccd-2021-front", recognise["outputs"]!["DocumentType"]!.ToString());
        Assert.DoesNotContain(card.Fields["idNumber"], journal!.ToJsonString(), StringComparison.Ordinal);
        var validate = journal!.Single(e => e!["activityId"]!.ToString() == "validate")!;
        Assert.Contains(validate["outcomes"]!.ToString(), ValidateOutcomes);
    }

    [Fact]
    public async Task A_truncated_upload_is_rejected_with_its_reason_code()
    {
        var card = new DocumentGenerator(seed: 32).Generate(DocumentKind.Cccd2021Front, CaptureKind.Scan);
        using var admin = await fixture.Host.PublishSampleAsync("recognise-document");

        var instance = await StartAsync(admin, await fixture.Host.StoreBlobAsync(card.Image[..(card.Image.Length / 2)]), null);
        var view = await admin.GetFromJsonAsync<JsonObject>($"/api/instances/{instance}");

        Assert.Equal("Finished", view!["status"]!.ToString());
        Assert.Equal("rejected: truncated", view["variables"]!["verdict"]!.ToString());
    }

    private static async Task<string> StartAsync(HttpClient admin, string page, string? documentType)
    {
        var input = new JsonObject { ["pages"] = new JsonArray(page), ["documentType"] = documentType };
        var response = await admin.PostAsJsonAsync("/api/instances", new { definitionId = "recognise-document", input });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["instanceId"]!.ToString();
    }
}
