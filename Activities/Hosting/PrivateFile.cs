namespace SmartKiosk.Activities.Hosting;

/// <summary>Secrets in the data folder (key passwords, the demo kiosk's credential): readable by the owner only, replaced whole.</summary>
public static class PrivateFile
{
    /// <summary>Writes <paramref name="content"/> to a temporary owner-only file, then moves it over <paramref name="path"/>.</summary>
    public static void Write(string path, ReadOnlySpan<byte> content)
    {
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using (var stream = new FileStream(temporary, options))
        {
            stream.Write(content);
        }
        File.Move(temporary, path, overwrite: true);
    }
}
