namespace SmartKiosk.Activities.Faces;

/// <summary>The face a decision is about (and the picture it was found in, levelled if it was tilted), or why there is none.</summary>
public sealed record SelectedFace(LocatedFace? Face, Imaging.RgbImage? Picture, int FacesFound, IReadOnlyList<string> Reasons)
{
    /// <summary>The largest face even when it was refused (to show a reviewer where it was).</summary>
    public LocatedFace? Candidate { get; init; }

    public bool IsUsable => Face is not null && Picture is not null;

    public static SelectedFace Rejected(int facesFound, string reason, LocatedFace? candidate = null) =>
        new(null, null, facesFound, [reason]) { Candidate = candidate };
}
