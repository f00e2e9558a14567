using SmartKiosk.Activities.Dossiers;

namespace SmartKiosk.Activities.Review;

/// <summary>
/// The grounds an officer picks from when refusing: the six of Decree 23/2015 Art. 22, the papers that
/// are void by law, and "other" with a note. The codes end up as the dossier's reasons, so the kiosk
/// and the public lookup show the same words (from <see cref="DossierText"/>).
/// </summary>
public static class RejectionGrounds
{
    public const string Other = "other";

    private static readonly string[] Codes =
    [
        "art22-altered", "art22-damaged", "art22-secret", "art22-unlawful-content", "art22-not-legalised", "art22-self-made",
        "household-book-void", "cmnd-void", "not-the-original", Other,
    ];

    public static IReadOnlyList<RejectionGround> All { get; } = [.. Codes.Select(c => new RejectionGround(c, DossierText.Reason(c), c == Other))];

    public static RejectionGround? Find(string? code) => All.FirstOrDefault(g => g.Code == code);
}
