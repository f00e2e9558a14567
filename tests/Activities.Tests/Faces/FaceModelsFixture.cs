using Microsoft.Extensions.DependencyInjection;
using SmartKiosk.Activities.Faces;
using SmartKiosk.Activities.Hosting;
using SmartKiosk.Activities.Storage;

namespace SmartKiosk.Activities.Tests.Faces;

/// <summary>
/// The real face pipeline (converted ONNX models on ONNX Runtime), built once per test class:
/// the weights come from the npm package that scripts/install-prerequisites.sh installs. Captures
/// go through a real encrypted blob store in a throw-away data folder.
/// </summary>
public sealed class FaceModelsFixture : IDisposable
{
    private readonly string data = Directory.CreateTempSubdirectory("smartkiosk-faces-").FullName;
    private readonly ServiceProvider services;

    public FaceModelsFixture()
    {
        services = new ServiceCollection()
            .AddLogging()
            .Configure<DataFolderOptions>(o => o.Path = data)
            .AddSingleton<BlobKeyRing>()
            .AddSingleton<IBlobStore, LocalEncryptedBlobStore>()
            .AddFaceVerification()
            .BuildServiceProvider();
    }

    public T Get<T>() where T : notnull => services.GetRequiredService<T>();

    public async Task<string> StoreAsync(byte[] content)
    {
        using var stream = new MemoryStream(content);
        return (await Get<IBlobStore>().PutAsync(stream, CancellationToken.None)).Sha256;
    }

    public void Dispose()
    {
        services.Dispose();
        Directory.Delete(data, recursive: true);
    }
}
