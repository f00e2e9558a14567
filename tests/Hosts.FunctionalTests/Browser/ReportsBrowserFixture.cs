using SmartKiosk.Hosts.FunctionalTests.Infrastructure;
using SmartKiosk.Samples.KioskSimulator.Submission;
using KioskCredential = SmartKiosk.Samples.KioskSimulator.Client.KioskCredential;

namespace SmartKiosk.Hosts.FunctionalTests.Browser;

/// <summary>
/// A known month for the reports: six CCCD dossiers from three kiosks (two wards), decided by two
/// Hoàn Kiếm officers through the review API — four issued (one of them doubtful: the citizen disputed a
/// field), one refused on Art. 22(2), Ba Đình's left waiting.
/// </summary>
public sealed class ReportsBrowserFixture : ClerkBrowserFixture
{
    private static readonly string[] Damaged = ["art22-damaged"];

    public IReadOnlyList<Guid> Dossiers { get; private set; } = [];

    protected override async Task StartedAsync()
    {
        await base.StartedAsync();
        KioskCredential?[] kiosks = [null, null, null, SecondHoanKiemKiosk, SecondHoanKiemKiosk, BaDinhKiosk];
        var submitted = new List<SubmissionResult>();
        for (var i = 0; i < kiosks.Length; i++)
        {
            submitted.Add(await SubmitAwaitingOfficerAsync(seed: 3000 + i, kiosk: kiosks[i], disputed: i == 1 ? ["fullName"] : null));
        }

        Dossiers = [.. submitted.Select(s => s.DossierId)];
        var lan = await SignInAsync("clerk");
        var tuan = await SignInAsync("clerk2");
        await DecideAsync(lan, Dossiers[0], "approve", new { });
        await DecideAsync(lan, Dossiers[1], "approve", new { });
        await DecideAsync(tuan, Dossiers[2], "approve", new { });
        await DecideAsync(lan, Dossiers[3], "approve", new { });
        await DecideAsync(lan, Dossiers[4], "reject", new { grounds = Damaged });
        for (var i = 0; i < 5; i++)
        {
            var status = await new DossierSubmitter(Kiosk(kiosks[i])).WaitForStatusAsync(Dossiers[i], i == 4 ? "Refused" : "Issued", TimeSpan.FromSeconds(60), CancellationToken.None);
            Assert.Equal(i == 4 ? "Refused" : "Issued", status);
        }

        await lan.Context.CloseAsync();
        await tuan.Context.CloseAsync();
    }
}
