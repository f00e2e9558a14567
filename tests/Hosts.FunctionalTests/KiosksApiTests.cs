using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SmartKiosk.Activities.Kiosks;
using SmartKiosk.Hosts.FunctionalTests.Infrastructure;

namespace SmartKiosk.Hosts.FunctionalTests;

/// <summary>
/// The kiosk registry through the back office's API: administrators register kiosks, issue credentials
/// (shown once, stored encrypted) and enrolment codes (one use), disable kiosks; auditors read; clerks
/// neither. A browser kiosk's enrolment (its ECDSA public key for a one-time code) goes through the registry.
/// </summary>
public sealed class KiosksApiTests(PostgresDesignerHost fixture) : IClassFixture<PostgresDesignerHost>
{
    [Fact]
    public async Task An_administrator_bound_to_an_agency_sees_and_changes_only_that_agency_s_kiosks()
    {
        string password;
        await using (var scope = fixture.Host.Services.CreateAsyncScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<SmartKiosk.Designer.Host.Identity.AccountAdministration>();
            var cityAdmin = new SmartKiosk.Designer.Host.Identity.BackOfficeActor("admin", "Quản trị viên", [SmartKiosk.Designer.Host.Identity.Roles.Admin], null, null);
            password = (await accounts.CreateAsync(new SmartKiosk.Designer.Host.Identity.NewAccount("admin-ba-dinh", "Quản trị Ba Đình", null, SmartKiosk.Designer.Host.Identity.Roles.Admin, "hn-ba-dinh", null, null), cityAdmin, CancellationToken.None)).Password;
        }

        using var city = await fixture.Host.SignInAsync("admin");
        var hoanKiem = new { id = "kiosk-hk-scope", name = "Kiosk Hoàn Kiếm", agencyId = "hn-hoan-kiem", branch = "Một cửa", location = "Tầng 1" };
        Assert.Equal(HttpStatusCode.Created, (await city.PostAsJsonAsync("/api/kiosks", hoanKiem)).StatusCode);
        using var baDinh = await fixture.Host.SignInAsync("admin-ba-dinh", password);
        var theirs = new { id = "kiosk-bd-lobby", name = "Kiosk Ba Đình", agencyId = "hn-ba-dinh", branch = "Một cửa", location = "Tầng 1" };

        var listed = await baDinh.GetFromJsonAsync<JsonArray>("/api/kiosks");
        var otherWard = await baDinh.PostAsync("/api/kiosks/kiosk-hk-scope/disable", null);
        var otherKey = await baDinh.PostAsync("/api/kiosks/kiosk-hk-scope/credential", null);
        var registeredElsewhere = await baDinh.PostAsJsonAsync("/api/kiosks", theirs with { id = "kiosk-hk-sneaky", agencyId = "hn-hoan-kiem" });
        var registered = await baDinh.PostAsJsonAsync("/api/kiosks", theirs);

        Assert.All(listed!, k => Assert.Equal("hn-ba-dinh", k!["agencyId"]!.GetValue<string>()));
        Assert.DoesNotContain(listed!, k => k!["id"]!.GetValue<string>() == "kiosk-hk-scope");
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound), (otherWard.StatusCode, otherKey.StatusCode, registeredElsewhere.StatusCode));
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var untouched = (await city.GetFromJsonAsync<JsonArray>("/api/kiosks"))!.Single(k => k!["id"]!.GetValue<string>() == "kiosk-hk-scope")!;
        Assert.Equal("Active", untouched["status"]!.GetValue<string>());
        Assert.Null(untouched["keyId"]?.GetValue<string>());
    }

    [Fact]
    public async Task An_administrator_registers_a_kiosk_and_issues_its_credential_which_only_the_administrator_sees_once()
    {
        using var admin = await fixture.Host.SignInAsync("admin");
        using var auditor = await fixture.Host.SignInAsync("auditor");
        using var clerk = await fixture.Host.SignInAsync("clerk");
        var kiosk = new { id = "kiosk-hk-lobby", name = "Kiosk sảnh", agencyId = "hn-hoan-kiem", branch = "Một cửa", location = "Tầng 1" };

        var byClerk = await clerk.PostAsJsonAsync("/api/kiosks", kiosk);
        var byAuditor = await auditor.PostAsJsonAsync("/api/kiosks", kiosk);
        var created = await admin.PostAsJsonAsync("/api/kiosks", kiosk);
        var duplicate = await admin.PostAsJsonAsync("/api/kiosks", kiosk);
        var invalid = await admin.PostAsJsonAsync("/api/kiosks", kiosk with { id = "Bad Id!" });
        var credential = await admin.PostAsync("/api/kiosks/kiosk-hk-lobby/credential", null);
        var list = await auditor.GetFromJsonAsync<JsonArray>("/api/kiosks");
        var clerkList = await clerk.GetAsync("/api/kiosks");

        Assert.Equal(HttpStatusCode.Forbidden, byClerk.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byAuditor.StatusCode);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var issued = await credential.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(32, Convert.FromBase64String(issued!["secret"]!.GetValue<string>()).Length);
        var listed = list!.OfType<JsonObject>().Single(k => k["id"]!.GetValue<string>() == "kiosk-hk-lobby");
        Assert.Equal(issued["keyId"]!.GetValue<string>(), listed["keyId"]!.GetValue<string>());
        Assert.DoesNotContain("secret", listed.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Forbidden, clerkList.StatusCode);
        var stored = await fixture.Host.Services.GetRequiredService<KioskRegistry>().FindAsync("kiosk-hk-lobby", CancellationToken.None);
        Assert.DoesNotContain(issued["secret"]!.GetValue<string>(), stored!.ProtectedSecret, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_browser_kiosk_enrols_once_with_a_one_time_code_and_its_public_key()
    {
        using var admin = await fixture.Host.SignInAsync("admin");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/kiosks", new { id = "kiosk-bd-web", name = "Kiosk web", agencyId = "hn-ba-dinh", branch = "Một cửa", location = "Sảnh" })).StatusCode);
        var code = (await (await admin.PostAsync("/api/kiosks/kiosk-bd-web/enrolment-code?validMinutes=10", null)).Content.ReadFromJsonAsync<JsonObject>())!["code"]!.GetValue<string>();
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var registry = fixture.Host.Services.GetRequiredService<KioskRegistry>();

        var enrolled = await registry.EnrolAsync(code.ToLowerInvariant(), Convert.ToBase64String(key.ExportSubjectPublicKeyInfo()), CancellationToken.None);
        var again = await Assert.ThrowsAsync<KioskRegistryException>(() => registry.EnrolAsync(code, Convert.ToBase64String(key.ExportSubjectPublicKeyInfo()), CancellationToken.None));

        Assert.Equal(("kiosk-bd-web", KioskCredentialKind.EcdsaP256), (enrolled.Id, enrolled.CredentialKind));
        Assert.Equal("invalid-code", again.Code);
        var stored = await registry.FindAsync("kiosk-bd-web", CancellationToken.None);
        Assert.Null(stored!.ProtectedSecret);
        Assert.Equal(Convert.ToBase64String(key.ExportSubjectPublicKeyInfo()), stored.PublicKey);
    }
}
