namespace SmartKiosk.Activities.Issuance.Agencies;

/// <summary>The two agencies (and one officer each) a fresh installation starts with, for demos and tests.</summary>
public static class SeedAgencies
{
    public static readonly Agency HoanKiem = new("hn-hoan-kiem", "Ủy ban nhân dân phường Hoàn Kiếm", "Hà Nội");
    public static readonly Agency BaDinh = new("hn-ba-dinh", "Ủy ban nhân dân phường Ba Đình", "Hà Nội");

    public static readonly Officer HoanKiemOfficer = new("hk-officer-1", HoanKiem.Id, "Nguyễn Thị Lan", "Công chức Tư pháp - Hộ tịch");
    public static readonly Officer BaDinhOfficer = new("bd-officer-1", BaDinh.Id, "Trần Văn Đức", "Công chức Tư pháp - Hộ tịch");

    public static IReadOnlyList<Agency> Agencies { get; } = [HoanKiem, BaDinh];

    public static IReadOnlyList<Officer> Officers { get; } = [HoanKiemOfficer, BaDinhOfficer];
}
