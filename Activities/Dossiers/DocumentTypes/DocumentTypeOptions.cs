namespace SmartKiosk.Activities.Dossiers.DocumentTypes;

/// <summary>
/// The document types a kiosk offers (section <c>DocumentTypes</c>). Each is bound to the published
/// workflow of the same key; defaults cover the five types of the design brief, and configuration
/// may change or add types without code.
/// </summary>
public sealed class DocumentTypeOptions
{
    public const string SectionName = "DocumentTypes";

    // Configuration keys ignore case: "CCCD" in an environment variable is the cccd type, not a second one.
    public Dictionary<string, DocumentTypeSettings> Types { get; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["cccd"] = new() { NameVi = "Căn cước công dân", NameEn = "Citizen ID card", Template = "cccd-2021-front", HasPortrait = true, MaxPages = 2 },
        ["birth-certificate"] = new() { NameVi = "Giấy khai sinh", NameEn = "Birth certificate", Template = "birth-certificate", MaxPages = 4 },
        ["diploma"] = new() { NameVi = "Bằng tốt nghiệp", NameEn = "Diploma", Template = "university-diploma", MaxPages = 4 },
        ["land-use-certificate"] = new() { NameVi = "Giấy chứng nhận quyền sử dụng đất", NameEn = "Land-use right certificate", Template = "land-use-certificate", MaxPages = 8 },
        ["generic"] = new() { NameVi = "Giấy tờ khác", NameEn = "Other document", Template = "generic", MaxPages = 20 },
    };
}

public sealed class DocumentTypeSettings
{
    public string NameVi { get; set; } = "";
    public string NameEn { get; set; } = "";

    /// <summary>The recognition template the citizen's choice declares.</summary>
    public string Template { get; set; } = "generic";

    /// <summary>The original carries the holder's portrait (the face is matched against it); otherwise the citizen also scans their own ID card.</summary>
    public bool HasPortrait { get; set; }

    public int MaxPages { get; set; } = 20;

    /// <summary>Clear cases are issued without waiting for the officer (signed with the agency's duty officer's certificate).</summary>
    public bool AutoApprove { get; set; }

    /// <summary>
    /// A face that does not pass the liveness check goes to the officer (true, the default). False makes
    /// liveness advisory — its findings are kept for the officer's record but do not stop auto-approval —
    /// for measuring the machine's part with simulated cameras, whose still frames cannot pass it.
    /// </summary>
    public bool LivenessRequired { get; set; } = true;

    /// <summary>The fee is paid at the kiosk (QR / e-wallet) before the officer approves; false when it is collected otherwise.</summary>
    public bool PaymentRequired { get; set; } = true;

    /// <summary>The service this type is offered under.</summary>
    public string Service { get; set; } = DocumentTypeCatalog.CertifiedCopyService;

    /// <summary>Hidden types stay valid for dossiers already started but are not offered.</summary>
    public bool Offered { get; set; } = true;
}
