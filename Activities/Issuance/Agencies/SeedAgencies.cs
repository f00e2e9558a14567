namespace SmartKiosk.Activities.Issuance.Agencies;

/// <summary>
/// The two agencies a fresh installation starts with, for demos and tests: Hoàn Kiếm with two officers
/// (so "each officer signs with their own certificate" can be seen) and Ba Đình with one.
/// </summary>
public static class SeedAgencies
{
    public static readonly Agency HoanKiem = new("hn-hoan-kiem", "Ủy ban nhân dân phường Hoàn Kiếm", "Hà Nội");
    public static readonly Agency BaDinh = new("hn-ba-dinh", "Ủy ban nhân dân phường Ba Đình", "Hà Nội");

    public static readonly Officer HoanKiemOfficer = new("hk-officer-1", HoanKiem.Id, "Nguyễn Thị Lan", "Công chức Tư pháp - Hộ tịch");
    public static readonly Officer HoanKiemSecondOfficer = new("hk-officer-2", HoanKiem.Id, "Phạm Minh Tuấn", "Công chức Tư pháp - Hộ tịch");
    public static readonly Officer BaDinhOfficer = new("bd-officer-1", BaDinh.Id, "Trần Văn Đức", "Công chức Tư pháp - Hộ tịch");

    public static IReadOnlyList<Agency> Agencies { get; } = [HoanKiem, BaDinh];

    public static IReadOnlyList<Officer> Officers { get; } = [HoanKiemOfficer, HoanKiemSecondOfficer, BaDinhOfficer];
}
