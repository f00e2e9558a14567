namespace SmartKiosk.Samples.SyntheticDocuments.People;

/// <summary>Invented name combinations from common Vietnamese name parts; nobody real is meant.</summary>
public static class VietnameseNames
{
    private static readonly string[] Surnames =
    [
        "Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Lê", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ",
        "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý",
    ];

    private static readonly string[] MaleMiddles = ["Văn", "Hữu", "Đức", "Minh", "Quang", "Thanh", "Ngọc", "Hoài", "Xuân", "Công", "Tiến"];

    // Thị is by far the most common female middle name, so it is weighted up.
    private static readonly string[] FemaleMiddles = ["Thị", "Thị", "Thị", "Thu", "Ngọc", "Thanh", "Minh", "Hoài", "Phương", "Diệu"];

    private static readonly string[] MaleGiven =
    [
        "An", "Bình", "Cường", "Dũng", "Giang", "Hải", "Hiếu", "Hùng", "Khánh", "Long", "Nam", "Phúc", "Quân",
        "Sơn", "Tâm", "Thắng", "Trung", "Tuấn", "Việt", "Đạt", "Ưng", "Hoàng", "Kiên", "Lộc", "Nghĩa", "Thịnh",
    ];

    private static readonly string[] FemaleGiven =
    [
        "An", "Giang", "Hà", "Hạnh", "Hoa", "Hương", "Khánh", "Lan", "Linh", "Mai", "Nga", "Phương", "Quỳnh",
        "Tâm", "Thảo", "Thủy", "Trang", "Yến", "Ánh", "Hiền", "Ngọc", "Nhung", "Oanh", "Vy", "Huyền", "Thư",
    ];

    // Second middle names for the longer four-word names common among younger women.
    private static readonly string[] FemaleSecondMiddles = ["Thu", "Minh", "Ngọc", "Phương", "Bảo", "Khánh"];

    public static PersonName Next(Random random, Sex sex)
    {
        var surname = Pick(random, Surnames);
        string middle;
        string given;
        if (sex == Sex.Male)
        {
            middle = Pick(random, MaleMiddles);
            given = Pick(random, MaleGiven);
        }
        else
        {
            middle = Pick(random, FemaleMiddles);
            if (middle == "Thị" && random.Next(5) == 0)
            {
                middle = $"Thị {Pick(random, FemaleSecondMiddles)}";
            }

            given = Pick(random, FemaleGiven);
        }

        // Avoid "Ngọc Ngọc" style repeats, which read as mistakes.
        if (middle.EndsWith(given, StringComparison.Ordinal))
        {
            given = sex == Sex.Male ? "Minh" : "Lan";
            if (middle.EndsWith(given, StringComparison.Ordinal))
            {
                given = sex == Sex.Male ? "Hùng" : "Hoa";
            }
        }

        return new PersonName(surname, middle, given);
    }

    public static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
