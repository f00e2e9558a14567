using SmartKiosk.Activities.Issuance.Persistence;

namespace SmartKiosk.Activities.Issuance.Register;

/// <summary>A register number as the issuing code sees it.</summary>
public sealed record RegisterEntry(Guid Id, string AgencyId, int Year, int Number, string NumberLabel, string BookLabel, DateOnly CertificationDate, RegisterEntryStatus Status)
{
    internal static RegisterEntry From(RegisterEntryRecord record) =>
        new(record.Id, record.AgencyId, record.Year, record.Number, record.NumberLabel, record.BookLabel, record.CertificationDate, record.Status);
}
