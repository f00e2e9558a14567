namespace SmartKiosk.Hosts.FunctionalTests.Browser;

/// <summary>
/// The designer in a real browser, with its own database (its tests change the CCCD workflow): the clerk workspace's
/// browser fixture (gateway and back office over one PostgreSQL database, CCCD dossiers from the kiosk API) with one
/// more document type ("demo-flow") for a workflow built from scratch.
/// </summary>
public sealed class DesignerBrowserFixture : ClerkBrowserFixture
{
    public const string DemoType = "demo-flow";

    protected override void Configure(IDictionary<string, string?> settings)
    {
        base.Configure(settings);
        settings[$"DocumentTypes:Types:{DemoType}:NameVi"] = "Giấy xác nhận (thử nghiệm)";
        settings[$"DocumentTypes:Types:{DemoType}:NameEn"] = "Confirmation (trial)";
        settings[$"DocumentTypes:Types:{DemoType}:Template"] = "generic";
        settings[$"DocumentTypes:Types:{DemoType}:PaymentRequired"] = "false";
    }
}
