using PdfSharp.Fonts;

namespace SmartKiosk.Activities.Issuance.Rendering;

/// <summary>
/// Gives PDFsharp Noto Sans from Debian's fonts-noto-core: it has every Vietnamese letter with its
/// diacritics as real glyphs (subsetting DejaVu breaks composite glyphs such as Ệ or ố).
/// </summary>
public sealed class NotoSansFontResolver : IFontResolver
{
    public const string Family = "Noto Sans";
    private static readonly Lock Gate = new();
    private readonly string folder;

    private NotoSansFontResolver(string folder) => this.folder = folder;

    /// <summary>Installs the resolver once per process (PDFsharp's font settings are global).</summary>
    public static void EnsureInstalled(string folder = "/usr/share/fonts/truetype/noto")
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is null)
            {
                GlobalFontSettings.FontResolver = new NotoSansFontResolver(folder);
            }
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        (bold, italic) switch
        {
            (true, _) => new FontResolverInfo("NotoSans-Bold"),
            (false, true) => new FontResolverInfo("NotoSans-Italic"),
            _ => new FontResolverInfo("NotoSans-Regular"),
        };

    public byte[]? GetFont(string faceName)
    {
        var path = Path.Combine(folder, $"{faceName}.ttf");
        return File.Exists(path)
            ? File.ReadAllBytes(path)
            : throw new FileNotFoundException($"Font {path} is missing: install the Debian package fonts-noto-core (scripts/apt-packages.txt).", path);
    }
}
