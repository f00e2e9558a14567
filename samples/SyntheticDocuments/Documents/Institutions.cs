namespace SmartKiosk.Samples.SyntheticDocuments.Documents;

/// <summary>A degree-granting institution as printed on diplomas (Vietnamese and English sides).</summary>
public sealed record Institution(string Name, string EnglishName, string City, string SerialPrefix);

/// <summary>Majors and classifications as printed on diplomas.</summary>
public static class Academics
{
    public static IReadOnlyList<Institution> Universities { get; } =
    [
        new("TRƯỜNG ĐẠI HỌC BÁCH KHOA HÀ NỘI", "HANOI UNIVERSITY OF SCIENCE AND TECHNOLOGY", "Hà Nội", "BK"),
        new("TRƯỜNG ĐẠI HỌC KINH TẾ QUỐC DÂN", "NATIONAL ECONOMICS UNIVERSITY", "Hà Nội", "KTQD"),
        new("TRƯỜNG ĐẠI HỌC KHOA HỌC TỰ NHIÊN", "VNU UNIVERSITY OF SCIENCE", "Hà Nội", "QH"),
        new("TRƯỜNG ĐẠI HỌC KINH TẾ THÀNH PHỐ HỒ CHÍ MINH", "UNIVERSITY OF ECONOMICS HO CHI MINH CITY", "TP. Hồ Chí Minh", "UEH"),
        new("TRƯỜNG ĐẠI HỌC CẦN THƠ", "CAN THO UNIVERSITY", "Cần Thơ", "CT"),
        new("TRƯỜNG ĐẠI HỌC SƯ PHẠM ĐÀ NẴNG", "THE UNIVERSITY OF DANANG - UNIVERSITY OF EDUCATION", "Đà Nẵng", "SP"),
    ];

    public static IReadOnlyList<(string Vietnamese, string English)> Majors { get; } =
    [
        ("Công nghệ thông tin", "Information Technology"),
        ("Kế toán", "Accounting"),
        ("Quản trị kinh doanh", "Business Administration"),
        ("Kỹ thuật điện", "Electrical Engineering"),
        ("Tài chính - Ngân hàng", "Finance and Banking"),
        ("Ngôn ngữ Anh", "English Language"),
        ("Luật kinh tế", "Economic Law"),
    ];

    public static IReadOnlyList<(string Vietnamese, string English)> Classifications { get; } =
    [
        ("Xuất sắc", "Excellent"),
        ("Giỏi", "Very good"),
        ("Giỏi", "Very good"),
        ("Khá", "Good"),
        ("Khá", "Good"),
        ("Khá", "Good"),
        ("Trung bình", "Average"),
    ];
}
