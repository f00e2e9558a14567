namespace SmartKiosk.Activities.Dossiers;

/// <summary>Where a dossier is, as the citizen, the kiosk and the back office see it.</summary>
public enum DossierStatus
{
    /// <summary>The kiosk session is open: the workflow waits for the citizen (see the stage).</summary>
    Capturing,

    /// <summary>The machine is working (recognition, checks, issuance).</summary>
    Processing,

    /// <summary>The fee is asked for and not yet paid.</summary>
    AwaitingPayment,

    /// <summary>An officer must approve (and sign), or look at a doubtful case.</summary>
    AwaitingOfficer,

    /// <summary>The original must be scanned again; the citizen resumes with the receipt code at any kiosk.</summary>
    AwaitingRescan,

    Issued,

    /// <summary>The copy was refused, with reasons.</summary>
    Refused,

    /// <summary>The citizen (or the kiosk) gave up the dossier.</summary>
    Withdrawn,

    /// <summary>The session was abandoned before it was submitted; its data is deleted.</summary>
    Expired,

    /// <summary>The workflow stopped on an incident an administrator must resolve.</summary>
    Failed,
}

public static class DossierStatuses
{
    public static bool IsFinal(this DossierStatus status) =>
        status is DossierStatus.Issued or DossierStatus.Refused or DossierStatus.Withdrawn or DossierStatus.Expired;
}
