using System.Text.Json;
using SmartKiosk.Samples.KioskSimulator.Client;
using SmartKiosk.Samples.KioskSimulator.Load;
using SmartKiosk.Samples.KioskSimulator.Submission;

namespace SmartKiosk.Samples.KioskSimulator.Cli;

/// <summary>The simulator's commands: <c>submit</c> (one kiosk session) and <c>load</c> (many at once).</summary>
public static class SimulatorCommands
{
    private static readonly JsonSerializerOptions Output = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly HashSet<string> Flags = ["--generate", "--json", "--no-consent", "--other-face", "--approve", "--no-pay"];

    public const string Usage = """
        SmartKiosk kiosk simulator — drives the kiosk API exactly like a kiosk (signed requests included).

          submit --type <document type> (--page <image>… [--frame <image>…] [--id-card <image>] | --generate [--seed N] [--face <image>] [--other-face])
                 [--email <address>] [--wait <seconds>] [--no-consent] [--no-pay] [--approve [--designer <url>]] [--json] [--gateway <url>] [--credentials <file>]
          load   --type <document type> --count M [--parallel N] [--seed N] [--wait <seconds>] [--json] [--gateway <url>] [--credentials <file>]
                 (also as submit --type <document type> --generate --parallel N --count M)

        Without --credentials the demo kiosk of the local system (data/demo-kiosk.json, written by ./run.sh) is used,
        and without --gateway the gateway that credential names (http://127.0.0.1:5090 by default).
        --gateway <url>,<url>… sends each request to the next replica in turn, as a round-robin proxy does.
        --approve plays the officer for a demo: it signs in to the back office (--designer, default http://127.0.0.1:5080)
        as the demo clerk of data/first-run-credentials.txt and approves the dossier's task when it waits for one.
        Document types: cccd, birth-certificate, diploma, land-use-certificate, generic.
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0 || args[0] is "help" or "--help" or "-h")
        {
            Console.WriteLine(Usage);
            return args.Length == 0 ? 2 : 0;
        }
        try
        {
            var options = new ArgumentReader(args.Skip(1), Flags);
            using var cancel = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
            return args[0] switch
            {
                "submit" => await SubmitAsync(options, cancel.Token),
                "load" => await LoadAsync(options, cancel.Token),
                _ => throw new ArgumentException($"Unknown command '{args[0]}'."),
            };
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message + Environment.NewLine + Environment.NewLine + Usage);
            return 2;
        }
        catch (KioskApiException ex)
        {
            await Console.Error.WriteLineAsync($"The gateway refused: {ex.Message}");
            return 1;
        }
        catch (HttpRequestException ex)
        {
            await Console.Error.WriteLineAsync($"Cannot reach the gateway: {ex.Message}. Is ./run.sh running?");
            return 1;
        }
    }

    private static async Task<int> SubmitAsync(ArgumentReader options, CancellationToken ct)
    {
        // submit --generate --parallel N --count M is the load generator.
        if (options.Value("--count") is not null || options.Value("--parallel") is not null)
        {
            return await LoadAsync(options, ct);
        }

        var type = options.Value("--type") ?? throw new ArgumentException("submit needs --type.");
        SubmitOptions submission;
        if (options.Flag("--generate"))
        {
            var seed = options.Int("--seed", Environment.TickCount & 0xFFFF);
            var faces = options.Value("--face") is { } face ? [("given", await File.ReadAllBytesAsync(face, ct))] : SyntheticCase.DemoFaces(RepositoryRoot());
            submission = SyntheticCase.Create(type, seed, faces, options.Flag("--other-face") ? seed + 1 : null);
        }
        else
        {
            if (options.Values("--page").Count == 0)
            {
                throw new ArgumentException("submit needs --page <image> (one per page) or --generate.");
            }
            submission = new SubmitOptions
            {
                DocumentType = type,
                Pages = await ReadAllAsync(options.Values("--page"), ct),
                Frames = await ReadAllAsync(options.Values("--frame"), ct),
                IdCard = options.Value("--id-card") is { } card ? await File.ReadAllBytesAsync(card, ct) : null,
            };
        }
        submission = submission with
        {
            Email = options.Value("--email"),
            WaitSeconds = options.Int("--wait", 120),
            ConsentToFaceCheck = !options.Flag("--no-consent"),
            Pay = !options.Flag("--no-pay"),
        };

        using var http = CreateHttp(options, out var credential);
        using var backOffice = options.Flag("--approve") ? new BackOfficeClient(new Uri(options.Value("--designer") ?? "http://127.0.0.1:5080")) : null;
        if (backOffice is not null)
        {
            var dataFolder = Path.GetDirectoryName(Path.GetFullPath(options.Value("--credentials") ?? KioskCredential.FindDemoFile() ?? "."))!;
            var password = BackOfficeClient.PasswordOf(dataFolder, "clerk")
                ?? throw new ArgumentException($"--approve needs the demo clerk's password in {Path.Combine(dataFolder, BackOfficeClient.CredentialsFileName)}.");
            await backOffice.SignInAsync("clerk", password, ct);
            submission = submission with { ApproveAsOfficer = backOffice.ApproveAsync };
        }
        var result = await new DossierSubmitter(new KioskApiClient(http, new RequestSigner(credential, TimeProvider.System))).SubmitAsync(submission, ct);
        if (options.Flag("--json"))
        {
            Console.WriteLine(JsonSerializer.Serialize(result, Output));
        }
        else
        {
            Console.WriteLine($"Dossier {result.DossierId} (receipt {result.ReceiptCode}): {result.Status}{(result.Stage is null ? "" : $", waiting for {result.Stage}")}");
            foreach (var (key, value) in result.Fields)
            {
                Console.WriteLine($"  {key}: {value}");
            }
            foreach (var line in result.Reasons.Concat(result.Findings))
            {
                Console.WriteLine($"  ! {line.Code}{(line.Field is null ? "" : $" ({line.Field})")}: {line.Message}");
            }
            if (result.VerificationCode is not null)
            {
                Console.WriteLine($"  verification code: {result.VerificationCode}");
                Console.WriteLine($"  download: {result.DownloadUrl}");
            }
            Console.WriteLine($"  total {result.Timings["total"]:0} ms");
        }
        return result.Status is "UploadRejected" or "Failed" ? 1 : 0;
    }

    private static async Task<int> LoadAsync(ArgumentReader options, CancellationToken ct)
    {
        var type = options.Value("--type") ?? throw new ArgumentException("load needs --type.");
        var count = options.Int("--count", 20);
        var parallel = options.Int("--parallel", 4);
        var seed = options.Int("--seed", 1);
        var wait = options.Int("--wait", 120);
        var faces = SyntheticCase.DemoFaces(RepositoryRoot());
        await Console.Error.WriteLineAsync($"Generating {count} {type} dossiers…");
        var cases = Enumerable.Range(0, count).AsParallel().AsOrdered()
            .Select(i => SyntheticCase.Create(type, seed + i, faces) with { WaitSeconds = wait })
            .ToList();

        using var http = CreateHttp(options, out var credential);
        http.Timeout = TimeSpan.FromMinutes(5);
        await Console.Error.WriteLineAsync($"Submitting over {parallel} kiosk sessions at once…");
        var report = await new LoadRunner(() => new DossierSubmitter(new KioskApiClient(http, new RequestSigner(credential, TimeProvider.System))))
            .RunAsync(cases, parallel, ct);
        if (options.Flag("--json"))
        {
            Console.WriteLine(JsonSerializer.Serialize(report, Output));
        }
        else
        {
            Console.WriteLine($"{report.Dossiers} dossiers in {report.Seconds:0.0} s over {report.Parallel} sessions: {report.DossiersPerHour:0} dossiers/hour");
            Console.WriteLine($"  by status: {string.Join(", ", report.ByStatus.Select(s => $"{s.Key} {s.Value}"))}");
            Console.WriteLine($"  latency (all), ms: {string.Join(", ", report.LatencyMs.Select(p => $"{p.Key} {p.Value}"))}");
            Console.WriteLine($"  latency (issued), ms: {string.Join(", ", report.IssuedLatencyMs.Select(p => $"{p.Key} {p.Value}"))}");
            Console.WriteLine($"  mean per step, ms: {string.Join(", ", report.StepMeanMs.Select(p => $"{p.Key} {p.Value}"))}");
        }
        return report.ByStatus.ContainsKey("Error") ? 1 : 0;
    }

    private static HttpClient CreateHttp(ArgumentReader options, out KioskCredential credential)
    {
        var path = options.Value("--credentials") ?? KioskCredential.FindDemoFile()
            ?? throw new ArgumentException("No kiosk credential: give --credentials <file>, or start the local system with ./run.sh (it writes data/demo-kiosk.json).");
        credential = KioskCredential.Load(path);
        var gateway = options.Value("--gateway") ?? credential.Gateway ?? "http://127.0.0.1:5090";
        var replicas = gateway.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(u => new Uri(u)).ToList();
        var handler = replicas.Count > 1 ? new RoundRobinHandler(replicas, new SocketsHttpHandler()) : (HttpMessageHandler)new SocketsHttpHandler();
        return new HttpClient(handler) { BaseAddress = replicas[0], Timeout = TimeSpan.FromMinutes(2) };
    }

    private static async Task<IReadOnlyList<byte[]>> ReadAllAsync(IEnumerable<string> paths, CancellationToken ct)
    {
        var files = new List<byte[]>();
        foreach (var path in paths)
        {
            files.Add(await File.ReadAllBytesAsync(path, ct));
        }
        return files;
    }

    /// <summary>The repository the simulator runs in: found from the current folder, else from the program's own.</summary>
    private static string RepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "Workflows.sln")))
                {
                    return folder.FullName;
                }
            }
        }
        return Directory.GetCurrentDirectory();
    }
}
