namespace SmartKiosk.Samples.KioskSimulator.Submission;

/// <summary>What <c>submit</c> sends: the document type, the page and frame images (or generated ones), and how long to wait.</summary>
public sealed record SubmitOptions
{
    public required string DocumentType { get; init; }
    public IReadOnlyList<byte[]> Pages { get; init; } = [];
    public IReadOnlyList<byte[]> Frames { get; init; } = [];

    /// <summary>The citizen's own ID card front, for documents without a portrait.</summary>
    public byte[]? IdCard { get; init; }

    public string Source { get; init; } = "Scanner";
    public string? Email { get; init; }

    /// <summary>Recognised fields the citizen says are wrong at the confirmation: the dossier then goes to the officer.</summary>
    public IReadOnlyList<string> DisputedFields { get; init; } = [];

    /// <summary>Seconds to follow the dossier's progress after confirming; 0 returns at once.</summary>
    public int WaitSeconds { get; init; }

    public bool ConsentToFaceCheck { get; init; } = true;

    /// <summary>Pay the fee order with the sandbox wallet when the dossier asks for payment.</summary>
    public bool Pay { get; init; } = true;

    /// <summary>For demos: acts as the officer when the dossier waits for one (submit --approve).</summary>
    public Func<Guid, CancellationToken, Task<bool>>? ApproveAsOfficer { get; init; }
}
