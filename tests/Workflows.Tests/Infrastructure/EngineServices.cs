using Microsoft.Extensions.DependencyInjection;
using SmartKiosk.Workflows.Contracts;
using SmartKiosk.Workflows.Definitions;
using SmartKiosk.Workflows.Extensions;

namespace SmartKiosk.Workflows.Tests.Infrastructure;

/// <summary>
/// The engine's services without a database (only the built-in activities), for tests of the
/// validator and the activity registry. Built once: both are stateless singletons.
/// </summary>
public static class EngineServices
{
    private static readonly Lazy<ServiceProvider> Provider = new(() =>
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddWorkflows();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    });

    public static DefinitionValidator Validator => Provider.Value.GetRequiredService<DefinitionValidator>();

    public static IActivityRegistry Registry => Provider.Value.GetRequiredService<IActivityRegistry>();
}
