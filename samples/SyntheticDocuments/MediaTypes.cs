namespace SmartKiosk.Samples.SyntheticDocuments;

public static class MediaTypes
{
    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";
}
