using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SmartKiosk.Activities.Issuance.Persistence;
using SmartKiosk.Activities.Issuance.Register;

namespace SmartKiosk.Activities.Issuance;

/// <summary>Registers the certification register and its database (the engine's persistence settings).</summary>
public static class IssuanceServiceCollectionExtensions
{
    public static IServiceCollection AddCertificationRegister(this IServiceCollection services, IConfiguration? configuration = null)
    {
        services.AddOptions();
        if (configuration is not null)
        {
            services.AddOptions<RegisterOptions>().Bind(configuration.GetSection(RegisterOptions.SectionName));
        }
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IssuanceDbContextFactory>();
        services.TryAddSingleton<IssuanceDatabaseInitializer>();
        services.TryAddSingleton<CertificationRegister>();
        return services;
    }
}
