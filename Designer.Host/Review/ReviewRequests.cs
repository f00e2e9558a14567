namespace SmartKiosk.Designer.Host.Review;

/// <summary>A field the officer corrected before approving: its key and the value it should have.</summary>
public sealed record FieldCorrection(string Field, string Value);

/// <summary>Approve (and sign): the revision the officer saw, an operation id, and any corrected fields.</summary>
public sealed record ApproveRequest(int ExpectedRevision, string OperationId, IReadOnlyList<FieldCorrection>? Corrections = null);

/// <summary>Refuse on one or more grounds (codes from the rejection grounds list), with an optional note ("other" needs one).</summary>
public sealed record RejectRequest(int ExpectedRevision, string OperationId, IReadOnlyList<string> Grounds, string? Note = null);

/// <summary>Ask the citizen for a new scan, with an optional note for the journal.</summary>
public sealed record RescanRequest(int ExpectedRevision, string OperationId, string? Note = null);

/// <summary>One task of a batch: its id and the revision the officer saw.</summary>
public sealed record BatchItem(Guid TaskId, int ExpectedRevision);

/// <summary>
/// Approve several clear dossiers in one action, each signed on its own. The re-authentication token
/// (from <c>POST /api/reauth</c>) proves the officer confirmed their password moments ago.
/// </summary>
public sealed record BatchApproveRequest(string ReauthToken, string OperationId, IReadOnlyList<BatchItem> Items);

/// <summary>What happened to one task of a batch; <see cref="Problem"/> says why it was not approved.</summary>
public sealed record BatchItemResult(Guid TaskId, bool Approved, string? Problem, int? Revision);

public sealed record BatchResult(IReadOnlyList<BatchItemResult> Items, int Approved, int Failed);

/// <summary>The result of a decision: the task as it now is and the dossier's status after the workflow moved on.</summary>
public sealed record DecisionResult(InboxItem Task, string? DossierStatus);

/// <summary>A password confirmation's result: a short-lived token for batch signing.</summary>
public sealed record ReauthGrant(string Token, DateTimeOffset ExpiresAt);

public sealed record ReauthRequest(string Password);
