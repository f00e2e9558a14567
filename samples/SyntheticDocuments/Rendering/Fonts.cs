using SkiaSharp;

namespace SmartKiosk.Samples.SyntheticDocuments.Rendering;

/// <summary>
/// Typefaces loaded from fixed Debian paths: relying on fontconfig fallback would make the output depend on
/// whatever fonts a machine happens to have, breaking byte-for-byte determinism.
/// </summary>
public static class Fonts
{
    private const string NotoDirectory = "/usr/share/fonts/truetype/noto/";
    private const string NotoPackage = "fonts-noto-core";

    private static readonly Lazy<SKTypeface> SansRegular = new(() => Load(NotoDirectory + "NotoSans-Regular.ttf", NotoPackage));
    private static readonly Lazy<SKTypeface> SansBoldFace = new(() => Load(NotoDirectory + "NotoSans-Bold.ttf", NotoPackage));
    private static readonly Lazy<SKTypeface> SerifRegular = new(() => Load(NotoDirectory + "NotoSerif-Regular.ttf", NotoPackage));
    private static readonly Lazy<SKTypeface> SerifBoldFace = new(() => Load(NotoDirectory + "NotoSerif-Bold.ttf", NotoPackage));
    private static readonly Lazy<SKTypeface> OcrBFace = new(() => Load("/usr/share/fonts/opentype/ocr-b/OCRB.otf", "fonts-ocr-b"));

    public static SKTypeface Sans => SansRegular.Value;

    public static SKTypeface SansBold => SansBoldFace.Value;

    public static SKTypeface Serif => SerifRegular.Value;

    public static SKTypeface SerifBold => SerifBoldFace.Value;

    /// <summary>The MRZ font mandated by ICAO 9303.</summary>
    public static SKTypeface OcrB => OcrBFace.Value;

    private static SKTypeface Load(string path, string debianPackage)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"Font '{path}' is missing. Install the Debian package '{debianPackage}' (apt-get install {debianPackage}).", path);
        }

        return SKTypeface.FromFile(path)
            ?? throw new InvalidOperationException($"Font '{path}' could not be loaded; reinstall the Debian package '{debianPackage}'.");
    }
}
