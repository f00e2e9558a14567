using SmartKiosk.Activities.Issuance.Rendering;
using SmartKiosk.Activities.Recognition.Findings;

namespace SmartKiosk.Activities.Issuance.Copies;

/// <summary>What one certified copy is made of and who certifies it.</summary>
/// <param name="OriginalKey">Identifies the original within the agency: a second copy of it keeps the register number.</param>
/// <param name="DocumentType">The template id of the original (e.g. <c>cccd-2021-front</c>).</param>
/// <param name="DocumentName">The original's kind in words (vi/en), for the statement.</param>
public sealed record IssueRequest(
    string AgencyId,
    string OfficerId,
    string OriginalKey,
    string DocumentType,
    LocalizedText DocumentName,
    IReadOnlyList<ScannedPage> Pages,
    long FeeDong);
