using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using OpenCvSharp;

namespace SmartKiosk.Activities.Recognition.Ocr;

/// <summary>
/// Keeps initialised Tesseract engines per language and lends each to one caller at a time. Engines
/// are created on demand up to <see cref="OcrOptions.MaxEnginesPerLanguage"/>; a caller beyond that
/// waits for one to be returned. Singleton, thread-safe.
/// </summary>
public sealed class OcrEnginePool : IOcrEngine, IDisposable
{
    private readonly OcrOptions _options;
    private readonly ConcurrentDictionary<string, Lane> _lanes = new();
    private bool _disposed;

    public OcrEnginePool(IOptions<OcrOptions> options)
    {
        _options = options.Value;
    }

    public async Task<OcrPage> RecogniseAsync(Mat image, OcrRequest request, Rect? region, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var lane = _lanes.GetOrAdd(request.Language, _ => new Lane(Math.Max(1, _options.MaxEnginesPerLanguage)));
        await lane.Slots.WaitAsync(cancellationToken);
        try
        {
            var engine = lane.Idle.TryTake(out var idle) ? idle : new TesseractEngine(_options.TessdataPath, request.Language);
            try
            {
                // On a pool thread, so that a caller reading several pages (or both sides of a card)
                // gets them read in parallel, one engine per core.
                return await Task.Run(() => engine.Recognise(image, request, region, cancellationToken), cancellationToken);
            }
            finally
            {
                lane.Idle.Add(engine);
            }
        }
        finally
        {
            lane.Slots.Release();
        }
    }

    /// <summary>Initialises one engine per language ahead of the first request (the benchmark calls it; the hosts create engines on first use).</summary>
    public async Task WarmUpAsync(IEnumerable<string> languages, CancellationToken cancellationToken)
    {
        using var blank = new Mat(32, 32, MatType.CV_8UC1, Scalar.White);
        foreach (var language in languages)
        {
            await RecogniseAsync(blank, new OcrRequest(language), null, cancellationToken);
        }
    }

    public void Dispose()
    {
        _disposed = true;
        foreach (var lane in _lanes.Values)
        {
            while (lane.Idle.TryTake(out var engine))
            {
                engine.Dispose();
            }

            lane.Slots.Dispose();
        }
    }

    private sealed class Lane(int size)
    {
        public SemaphoreSlim Slots { get; } = new(size, size);
        public ConcurrentBag<TesseractEngine> Idle { get; } = [];
    }
}
