namespace SmartKiosk.Samples.SyntheticDocuments.People;

/// <summary>
/// A small gazetteer using the pre-2025 three-level administrative layout that existing documents still
/// print. House numbers and lanes are random, so no address points at a real household.
/// </summary>
public static class Places
{
    public static IReadOnlyList<Province> Provinces { get; } =
    [
        new("001", "Hà Nội",
        [
            new("quận", "Hoàn Kiếm", true, ["Hàng Bài", "Hàng Trống", "Tràng Tiền"], ["phố Huế", "phố Bà Triệu", "phố Hàng Bài"]),
            new("quận", "Ba Đình", true, ["Kim Mã", "Ngọc Hà", "Cống Vị"], ["phố Kim Mã", "phố Đội Cấn", "phố Liễu Giai"]),
            new("quận", "Cầu Giấy", true, ["Dịch Vọng", "Quan Hoa", "Yên Hòa"], ["đường Xuân Thủy", "phố Trần Thái Tông", "đường Cầu Giấy"]),
        ]),
        new("079", "TP. Hồ Chí Minh",
        [
            new("quận", "1", true, ["Bến Nghé", "Đa Kao", "Tân Định"], ["đường Lê Lợi", "đường Hai Bà Trưng", "đường Pasteur"]),
            new("quận", "Bình Thạnh", true, ["25", "17", "3"], ["đường Điện Biên Phủ", "đường Xô Viết Nghệ Tĩnh"]),
            new("quận", "3", true, ["Võ Thị Sáu", "9"], ["đường Nam Kỳ Khởi Nghĩa", "đường Võ Văn Tần"]),
        ]),
        new("031", "Hải Phòng",
        [
            new("quận", "Lê Chân", true, ["An Biên", "Cát Dài"], ["phố Tô Hiệu", "đường Hai Bà Trưng"]),
            new("quận", "Ngô Quyền", true, ["Lạch Tray", "Máy Tơ"], ["đường Lạch Tray", "phố Lê Lợi"]),
        ]),
        new("048", "Đà Nẵng",
        [
            new("quận", "Hải Châu", true, ["Thạch Thang", "Hòa Cường Bắc"], ["đường Bạch Đằng", "đường Lê Duẩn"]),
            new("quận", "Sơn Trà", true, ["An Hải Bắc", "Phước Mỹ"], ["đường Ngô Quyền", "đường Võ Văn Kiệt"]),
        ]),
        new("092", "Cần Thơ",
        [
            new("quận", "Ninh Kiều", true, ["Tân An", "An Hòa", "Xuân Khánh"], ["đường Hòa Bình", "đường Trần Hưng Đạo"]),
        ]),
        new("036", "Nam Định",
        [
            new("thành phố", "Nam Định", true, ["Trần Hưng Đạo", "Vị Xuyên"], ["đường Trần Phú", "đường Hùng Vương"]),
            new("huyện", "Hải Hậu", false, ["Hải Vân", "Hải Phúc", "Hải Đường"], []),
        ]),
        new("038", "Thanh Hóa",
        [
            new("thành phố", "Thanh Hóa", true, ["Điện Biên", "Ba Đình"], ["đường Lê Lợi", "đường Trần Phú"]),
            new("huyện", "Quảng Xương", false, ["Quảng Định", "Quảng Nhân"], []),
        ]),
        new("040", "Nghệ An",
        [
            new("thành phố", "Vinh", true, ["Hưng Bình", "Lê Mao"], ["đường Quang Trung", "đường Lê Hồng Phong"]),
            new("huyện", "Diễn Châu", false, ["Diễn Kỷ", "Diễn Hồng"], []),
        ]),
        new("034", "Thái Bình",
        [
            new("thành phố", "Thái Bình", true, ["Lê Hồng Phong", "Bồ Xuyên"], ["phố Lý Thường Kiệt", "phố Hai Bà Trưng"]),
            new("huyện", "Vũ Thư", false, ["Tự Tân", "Minh Lãng"], []),
        ]),
        new("033", "Hưng Yên",
        [
            new("thành phố", "Hưng Yên", true, ["Lê Lợi", "Quang Trung"], ["đường Điện Biên", "đường Chùa Chuông"]),
            new("huyện", "Văn Lâm", false, ["Lạc Đạo", "Chỉ Đạo"], []),
        ]),
        new("027", "Bắc Ninh",
        [
            new("thành phố", "Bắc Ninh", true, ["Suối Hoa", "Tiền An"], ["đường Nguyễn Trãi", "đường Ngô Gia Tự"]),
            new("huyện", "Tiên Du", false, ["Phật Tích", "Liên Bão"], []),
        ]),
        new("026", "Vĩnh Phúc",
        [
            new("thành phố", "Vĩnh Yên", true, ["Liên Bảo", "Ngô Quyền"], ["đường Mê Linh", "đường Nguyễn Tất Thành"]),
            new("huyện", "Tam Dương", false, ["Kim Long", "Hợp Thịnh"], []),
        ]),
    ];

    private static readonly string[] Hamlets = ["Đông", "Đoài", "Trung", "Thượng", "Hạ", "Nam", "Bắc", "Tân Lập"];

    public static Province NextProvince(Random random) => VietnameseNames.Pick(random, Provinces);

    public static Locality NextLocality(Random random, Province province)
    {
        var district = VietnameseNames.Pick(random, province.Districts);
        return new Locality(province, district, VietnameseNames.Pick(random, district.Wards));
    }

    /// <summary>"Xã Hải Vân, huyện Hải Hậu, Nam Định": the form used for place of origin and birth registration.</summary>
    public static string LocalityText(Locality locality) => VietnameseText.Capitalize(locality.ToString());

    /// <summary>A full street address, short enough to fit two lines on a card.</summary>
    public static string NextAddress(Random random, Locality locality)
    {
        var district = locality.District;
        string head;
        if (district.Streets.Count == 0)
        {
            head = random.Next(2) == 0
                ? $"Thôn {VietnameseNames.Pick(random, Hamlets)}"
                : $"Xóm {random.Next(1, 13)}";
        }
        else
        {
            var street = VietnameseNames.Pick(random, district.Streets);
            head = random.Next(3) switch
            {
                0 => $"Số {random.Next(1, 200)} {street}",
                1 => $"Số {random.Next(1, 80)}, ngõ {random.Next(2, 300)} {street}",
                _ => $"Số {random.Next(1, 40)}, ngách {random.Next(2, 60)}/{random.Next(2, 30)} {street}",
            };
        }

        return $"{head}, {locality}";
    }

    /// <summary>Birth places as birth certificates print them (usually a hospital).</summary>
    public static string NextBirthPlace(Random random, Locality locality) => random.Next(3) switch
    {
        0 => $"Bệnh viện Phụ sản {locality.Province.Name}",
        1 => $"Bệnh viện Đa khoa {locality.Province.Name}",
        _ => $"Trạm y tế {locality}",
    };
}
