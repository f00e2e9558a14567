using SmartKiosk.Activities.Recognition.IdCards;

namespace SmartKiosk.Activities.Tests.Recognition;

public sealed class IdCardCodeTests
{
    // The MRZ printed in the domain brief (a 2021 card): every check digit must hold.
    private const string Line1 = "IDVNM0900123450001090012345<<1";
    private const string Line2 = "9001158M3001156VNM<<<<<<<<<<<8";
    private const string Line3 = "NGUYEN<<VAN<A<<<<<<<<<<<<<<<<<";

    [Fact]
    public void The_TD1_zone_is_read_by_position_and_its_check_digits_hold()
    {
        var mrz = Td1Mrz.TryParse(Line1, Line2, Line3)!;

        Assert.Equal("090012345", mrz.DocumentNumber);
        Assert.Equal("001090012345", mrz.CitizenId);
        Assert.True(mrz.FieldChecksValid);
        Assert.True(mrz.CompositeValid);
        Assert.Equal('M', mrz.Sex);
        Assert.Equal("NGUYEN VAN A", mrz.FullName);
        Assert.Equal("15/01/1990", Td1Mrz.FormatDate(mrz.BirthDate, 1900));
        Assert.Equal("15/01/2030", Td1Mrz.FormatDate(mrz.ExpiryDate, 2000));
    }

    [Theory]
    [InlineData(0, 6, '8')] // a digit of the document number
    [InlineData(1, 2, '1')] // a digit of the birth date
    [InlineData(1, 10, '2')] // a digit of the expiry date
    public void A_misread_digit_breaks_its_check_digit(int line, int position, char replacement)
    {
        var lines = new[] { Line1, Line2, Line3 };
        lines[line] = lines[line][..position] + replacement + lines[line][(position + 1)..];

        var mrz = Td1Mrz.TryParse(lines[0], lines[1], lines[2])!;

        Assert.False(mrz.FieldChecksValid);
    }

    [Theory]
    [InlineData("ABC", false)]
    [InlineData("IDVNM0900123450001090012345<<", false)]
    public void Lines_of_the_wrong_shape_are_not_an_MRZ(string line1, bool parsed) =>
        Assert.Equal(parsed, Td1Mrz.TryParse(line1, Line2, Line3) is not null);

    [Theory]
    [InlineData("090012345", 0)]
    [InlineData("900115", 8)]
    [InlineData("300115", 6)]
    [InlineData("AB<", 3)]
    public void ICAO_check_digits_weigh_7_3_1_and_read_letters_as_10_to_35(string data, int check) =>
        Assert.Equal(check, IcaoCheckDigit.Compute(data));

    [Theory]
    [InlineData("001090012345", "001", 1990, "Nam")]
    [InlineData("079305001234", "079", 2005, "Nữ")]
    [InlineData("036186817243", "036", 1986, "Nữ")]
    public void The_12_digit_ID_encodes_province_century_sex_and_year(string id, string province, int year, string sex)
    {
        var parsed = CitizenIdNumber.TryParse(id)!;

        Assert.Equal((province, year, sex), (parsed.ProvinceCode, parsed.BirthYear, parsed.Sex));
    }

    [Theory]
    [InlineData("00109001234")]
    [InlineData("00109001234X")]
    [InlineData(null)]
    public void Anything_but_12_digits_is_not_an_ID(string? id) => Assert.Null(CitizenIdNumber.TryParse(id));

    [Fact]
    public void The_card_QR_is_parsed_by_position_with_an_empty_old_ID_and_extra_fields_tolerated()
    {
        var qr = CardQrPayload.TryParse("001090012345||Nguyễn Văn An|15011990|Nam|Số 1 phố Huế, Hà Nội|20052021|extra")!;

        Assert.Equal("001090012345", qr.IdNumber);
        Assert.Null(qr.OldIdNumber);
        Assert.Equal("Nguyễn Văn An", qr.FullName);
        Assert.Equal("15/01/1990", qr.DateOfBirth);
        Assert.Equal("20/05/2021", qr.IssueDate);
    }

    [Theory]
    [InlineData("not a card")]
    [InlineData("001090012345||Nguyễn Văn An|31021990|Nam|Hà Nội|20052021")]
    [InlineData("001090012345||Nguyễn Văn An|15011990|Male|Hà Nội|20052021")]
    public void A_QR_that_is_not_a_card_payload_is_refused(string payload) => Assert.Null(CardQrPayload.TryParse(payload));
}
