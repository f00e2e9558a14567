using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SmartKiosk.Activities.Storage;
using SmartKiosk.Hosts.FunctionalTests.Infrastructure;
using SmartKiosk.Samples.SyntheticDocuments;
using SmartKiosk.TestSupport;
using SmartKiosk.TestSupport.Faces;

namespace SmartKiosk.Hosts.FunctionalTests;

/// <summary>
/// The sample face verification workflow (samples/workflows/verify-identity.json) on the back
/// office's engine and PostgreSQL, with the real face models: consent, challenge, the camera frames
/// as a signal, the match against the card portrait and the liveness check.
/// </summary>
public sealed class FaceVerificationWorkflowTests(PostgresDesignerHost fixture) : IClassFixture<PostgresDesignerHost>
{
    private const int Holder = 13;

    [Fact]
    public async Task The_card_holder_matches_but_a_still_photo_of_them_is_not_live()
    {
        using var admin = await fixture.Host.PublishSampleAsync("verify-identity");
        var card = new DocumentGenerator(seed: 41).IdCard(canCuoc2024: false, CaptureKind.Scan, new GenerationOptions(PortraitPhoto: DemoFaces.Jpeg(Holder))).Front;
        var frame = await fixture.Host.StoreBlobAsync(DemoFaces.Jpeg(Holder));

        var instance = await StartAsync(admin, "session-41", await fixture.Host.StoreBlobAsync(card.Image), consent: true);
        var frames = new JsonArray([.. Enumerable.Repeat(frame, 8).Select(f => JsonValue.Create(f))]);
        var signal = await admin.PostAsJsonAsync("/api/signals/face-frames", new { correlationId = "session-41", payload = new JsonObject { ["frames"] = frames } });
        Assert.Equal(HttpStatusCode.OK, signal.StatusCode);

        var journal = await admin.GetFromJsonAsync<JsonArray>($"/api/instances/{instance}/journal");
        var match = Entry(journal!, "match");
        Assert.Equal("Match", match["outcomes"]!.ToString());
        Assert.InRange(match["outputs"]!["Distance"]!.GetValue<double>(), 0, 0.5);
        Assert.Equal("NotLive", Entry(journal!, "liveness")["outcomes"]!.ToString());
        var view = await admin.GetFromJsonAsync<JsonObject>($"/api/instances/{instance}");
        Assert.Equal("not-live", view!["variables"]!["verdict"]!.ToString());

        // The frames are gone once the decision is made; the card scan stays with the dossier.
        var blobs = fixture.Host.Services.GetRequiredService<IBlobStore>();
        Assert.False(await blobs.ExistsAsync(frame, CancellationToken.None));
        Assert.Equal(1, Entry(journal!, "forget")["outputs"]!["Deleted"]!.GetValue<int>());
    }

    [Fact]
    public async Task Without_consent_no_face_is_processed()
    {
        using var admin = await fixture.Host.PublishSampleAsync("verify-identity");
        var card = new DocumentGenerator(seed: 42).IdCard(canCuoc2024: false, CaptureKind.Scan).Front;

        var instance = await StartAsync(admin, "session-42", await fixture.Host.StoreBlobAsync(card.Image), consent: false);

        var journal = await admin.GetFromJsonAsync<JsonArray>($"/api/instances/{instance}/journal");
        Assert.Equal("Refused", Entry(journal!, "consent")["outcomes"]!.ToString());
        Assert.DoesNotContain(journal!, e => e!["activityId"]!.ToString() is "match" or "liveness" or "challenge");
        var view = await admin.GetFromJsonAsync<JsonObject>($"/api/instances/{instance}");
        Assert.Equal("consent-refused", view!["variables"]!["verdict"]!.ToString());
    }

    private static JsonNode Entry(JsonArray journal, string activityId) =>
        journal.Single(e => e!["activityId"]!.ToString() == activityId)!;

    private static async Task<string> StartAsync(HttpClient admin, string session, string cardFront, bool consent)
    {
        var input = new JsonObject { ["idCardFront"] = cardFront, ["idCardType"] = "cccd-2021-front", ["consent"] = consent };
        var response = await admin.PostAsJsonAsync("/api/instances", new { definitionId = "verify-identity", input, correlationId = session });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["instanceId"]!.ToString();
    }
}
