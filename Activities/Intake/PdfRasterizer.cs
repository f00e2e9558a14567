using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace SmartKiosk.Activities.Intake;

/// <summary>
/// Rasterises PDF scans with Debian's <c>pdftoppm</c> (poppler-utils) in a child process: a hostile
/// PDF can only hurt a process that is killed after <see cref="PdfRasterOptions.Timeout"/>, and
/// <c>-scale-to</c> bounds every page's pixels whatever its MediaBox claims.
/// </summary>
public sealed class PdfRasterizer(IOptions<PdfRasterOptions> options)
{
    private readonly PdfRasterOptions _options = options.Value;

    public async Task<IReadOnlyList<byte[]>> RasteriseAsync(byte[] pdf, int pages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        var folder = Directory.CreateTempSubdirectory("smartkiosk-pdf-");
        try
        {
            var input = Path.Combine(folder.FullName, "scan.pdf");
            await File.WriteAllBytesAsync(input, pdf, cancellationToken);
            var start = new ProcessStartInfo(_options.Executable)
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[] { "-png", "-r", _options.Dpi.ToString(), "-scale-to", _options.MaxPageSide.ToString(), "-f", "1", "-l", pages.ToString(), input, Path.Combine(folder.FullName, "page") })
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Start(start);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.Timeout);
            var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                cancellationToken.ThrowIfCancellationRequested();
                throw new ScanRejectedException("pdf-timeout", $"The PDF could not be rendered within {_options.Timeout.TotalSeconds:0} s.");
            }

            var rendered = folder.GetFiles("page-*.png").OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
            if (process.ExitCode != 0 || rendered.Count == 0)
            {
                throw new ScanRejectedException("pdf-unreadable", $"The PDF could not be rendered ({(await stderr).Trim()}).");
            }

            var images = new List<byte[]>(rendered.Count);
            foreach (var file in rendered)
            {
                images.Add(await File.ReadAllBytesAsync(file.FullName, cancellationToken));
            }

            return images;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static Process Start(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException("pdftoppm did not start.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException($"{start.FileName} is not installed: install the Debian package poppler-utils.", ex);
        }
    }
}

/// <summary>PDF rendering limits, bound from <c>Intake:Pdf</c>.</summary>
public sealed class PdfRasterOptions
{
    public const string SectionName = "Intake:Pdf";

    public string Executable { get; set; } = "pdftoppm";

    /// <summary>300 dpi is the archival scan standard for text.</summary>
    public int Dpi { get; set; } = 300;

    /// <summary>The longest side of a rendered page in pixels (A4 at 300 dpi is 3508).</summary>
    public int MaxPageSide { get; set; } = 3508;

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);
}
