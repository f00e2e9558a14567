namespace SmartKiosk.Activities.Issuance.Timestamps;

/// <summary>No usable time-stamp could be obtained; the copy is not issued without one.</summary>
public sealed class TimestampUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
