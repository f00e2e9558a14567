using Microsoft.Extensions.DependencyInjection;
using SmartKiosk.Activities.Faces;

namespace SmartKiosk.Activities.Tests.Faces;

/// <summary>
/// The real face pipeline (converted ONNX models on ONNX Runtime), built once per test class:
/// the weights come from the npm package that scripts/install-prerequisites.sh installs.
/// </summary>
public sealed class FaceModelsFixture : IDisposable
{
    private readonly ServiceProvider services = new ServiceCollection()
        .AddLogging()
        .AddFaceVerification()
        .BuildServiceProvider();

    public T Get<T>() where T : notnull => services.GetRequiredService<T>();

    public void Dispose() => services.Dispose();
}
