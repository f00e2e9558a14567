using System.Text;
using SmartKiosk.Activities.Intake;
using SmartKiosk.TestSupport.Scans;

namespace SmartKiosk.Activities.Tests.Intake;

/// <summary>Formats by content, and each hostile file refused with its reason code before any decoder runs.</summary>
public sealed class ScanInspectorTests
{
    private static readonly IntakeLimits Limits = new() { MaxBytes = 5 * 1024 * 1024, MaxPixels = 40_000_000, MaxPages = 10 };

    [Fact]
    public void Each_accepted_format_is_recognised_by_its_content_with_its_size_and_pages()
    {
        Assert.Equal(new ScanInspection(ScanFormat.Png, 1011, 638, 1), ScanInspector.Inspect(ScanBytes.Png(1011, 638), Limits));
        Assert.Equal(new ScanInspection(ScanFormat.Jpeg, 2480, 3508, 1), ScanInspector.Inspect(ScanBytes.Jpeg(2480, 3508), Limits));
        Assert.Equal(new ScanInspection(ScanFormat.Tiff, 2480, 3508, 3), ScanInspector.Inspect(ScanBytes.Tiff(3, 2480, 3508), Limits));
        Assert.Equal(new ScanInspection(ScanFormat.Pdf, 0, 0, 2), ScanInspector.Inspect(ScanBytes.Pdf(2), Limits));
    }

    [Theory]
    [InlineData("zero-byte", "empty")]
    [InlineData("oversize", "too-large")]
    [InlineData("text-named-jpg", "unknown-format")]
    [InlineData("png-bomb", "too-many-pixels")]
    [InlineData("jpeg-bomb", "too-many-pixels")]
    [InlineData("tiff-bomb", "too-many-pixels")]
    [InlineData("png-cut", "truncated")]
    [InlineData("png-damaged", "truncated")]
    [InlineData("jpeg-cut", "truncated")]
    [InlineData("pdf-cut", "truncated")]
    [InlineData("tiff-loop", "truncated")]
    [InlineData("tiff-pages", "too-many-pages")]
    [InlineData("pdf-pages", "too-many-pages")]
    [InlineData("jpeg-with-zip", "trailing-data")]
    [InlineData("png-with-html", "trailing-data")]
    [InlineData("pdf-script", "pdf-active-content")]
    public void Hostile_files_are_refused_with_their_reason(string file, string code)
    {
        var bytes = file switch
        {
            "zero-byte" => [],
            "oversize" => new byte[Limits.MaxBytes + 1],
            "text-named-jpg" => Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>"),
            "png-bomb" => ScanBytes.Png(100_000, 100_000),
            "jpeg-bomb" => ScanBytes.Jpeg(65_000, 65_000),
            "tiff-bomb" => ScanBytes.Tiff(1, 200_000, 200_000),
            "png-cut" => ScanBytes.Png(100, 100, withEnd: false),
            "png-damaged" => Damaged(ScanBytes.Png(100, 100)),
            "jpeg-cut" => ScanBytes.Jpeg(100, 100, withEnd: false),
            "pdf-cut" => ScanBytes.Pdf(1)[..^8],
            "tiff-loop" => ScanBytes.Tiff(2, 100, 100, loop: true),
            "tiff-pages" => ScanBytes.Tiff(11, 100, 100),
            "pdf-pages" => ScanBytes.Pdf(11),
            "jpeg-with-zip" => [.. ScanBytes.Jpeg(100, 100), .. "PK\u0003\u0004payload.exe............"u8],
            "png-with-html" => [.. ScanBytes.Png(100, 100), .. "<script>alert(1)</script>"u8],
            _ => ScanBytes.Pdf(1, "4 0 obj << /S /JavaScript /JS (app.alert(1)) >> endobj\n"),
        };

        var refused = Assert.Throws<ScanRejectedException>(() => ScanInspector.Inspect(bytes, Limits));

        Assert.Equal(code, refused.Code);
    }

    [Theory]
    [InlineData(6)]
    [InlineData(3)]
    [InlineData(1)]
    public void The_EXIF_orientation_of_a_phone_photo_is_read(int orientation) =>
        Assert.Equal(orientation, ScanInspector.Inspect(ScanBytes.Jpeg(4032, 3024, orientation: orientation), Limits).Orientation);

    [Fact]
    public void A_JPEG_without_EXIF_is_upright() =>
        Assert.Equal(1, ScanInspector.Inspect(ScanBytes.Jpeg(800, 600), Limits).Orientation);

    [Fact]
    public void A_few_padding_bytes_after_the_image_are_tolerated()
    {
        byte[] padded = [.. ScanBytes.Jpeg(100, 100), 0, 0, (byte)'\n'];
        Assert.Equal(ScanFormat.Jpeg, ScanInspector.Inspect(padded, Limits).Format);
    }

    private static byte[] Damaged(byte[] png)
    {
        png[20] ^= 0xFF; // inside IHDR's data: its checksum no longer matches
        return png;
    }
}
