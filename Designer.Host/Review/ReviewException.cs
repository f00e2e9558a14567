namespace SmartKiosk.Designer.Host.Review;

/// <summary>Why a review operation was refused; the API turns the code into a problem type and status.</summary>
public enum ReviewError
{
    NotFound,
    Invalid,
    NotAnOfficer,
    ReauthenticationRequired,
    ReauthenticationFailed,
    LockedOut,
}

public sealed class ReviewException(ReviewError error, string message) : Exception(message)
{
    public ReviewError Error { get; } = error;
}
