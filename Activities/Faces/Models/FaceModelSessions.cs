using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Microsoft.Extensions.Options;

namespace SmartKiosk.Activities.Faces.Models;

/// <summary>
/// The three ONNX Runtime sessions, loaded once and shared: <see cref="InferenceSession.Run(IReadOnlyCollection{NamedOnnxValue})"/>
/// is thread-safe, so concurrent kiosks share one copy of the weights.
/// </summary>
public sealed class FaceModelSessions(FaceModelProvisioner provisioner, IOptions<FaceModelOptions> options) : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private IReadOnlyDictionary<FaceModelKind, InferenceSession>? sessions;

    public FaceModelState State { get; private set; }

    /// <summary>Why loading failed, when it did (no personal data: paths and library messages only).</summary>
    public string? Failure { get; private set; }

    /// <summary>Loads (converting first if needed) all three models.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken) => _ = sessions ?? await LoadSessionsAsync(cancellationToken);

    /// <summary>Runs a network on one square NHWC image (values 0–255) and returns its only output, flattened.</summary>
    public async Task<float[]> RunAsync(FaceModelKind kind, float[] image, int size, CancellationToken cancellationToken)
    {
        var loaded = sessions ?? await LoadSessionsAsync(cancellationToken);
        var input = NamedOnnxValue.CreateFromTensor("image", new DenseTensor<float>(image, [1, size, size, 3]));
        using var results = loaded[kind].Run([input]);
        return results[0].AsTensor<float>().ToArray();
    }

    private async Task<IReadOnlyDictionary<FaceModelKind, InferenceSession>> LoadSessionsAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (sessions is not null)
            {
                return sessions;
            }
            string folder;
            try
            {
                folder = await provisioner.EnsureModelsAsync(cancellationToken);
            }
            catch (Exception exception) when (exception is FaceModelUnavailableException or Conversion.FaceModelConversionException or IOException)
            {
                State = FaceModelState.Failed;
                Failure = exception.Message;
                throw exception as FaceModelUnavailableException ?? new FaceModelUnavailableException(exception.Message, exception);
            }
            var loaded = new Dictionary<FaceModelKind, InferenceSession>();
            try
            {
                foreach (var model in FaceModel.All)
                {
                    using var sessionOptions = new SessionOptions
                    {
                        IntraOpNumThreads = Math.Max(1, options.Value.IntraOpNumThreads),
                        InterOpNumThreads = 1,
                        ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
                        GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
                    };
                    loaded[model.Kind] = new InferenceSession(Path.Combine(folder, model.OnnxFile), sessionOptions);
                }
            }
            catch (OnnxRuntimeException exception)
            {
                foreach (var session in loaded.Values)
                {
                    session.Dispose();
                }
                State = FaceModelState.Failed;
                Failure = $"The face models in '{folder}' could not be loaded: {exception.Message}";
                throw new FaceModelUnavailableException(Failure, exception);
            }
            sessions = loaded;
            State = FaceModelState.Loaded;
            return loaded;
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose()
    {
        foreach (var session in sessions?.Values ?? [])
        {
            session.Dispose();
        }
        gate.Dispose();
    }
}
