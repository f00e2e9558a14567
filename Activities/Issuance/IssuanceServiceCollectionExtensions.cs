using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SmartKiosk.Activities.Issuance.Copies;
using SmartKiosk.Activities.Issuance.Keys;
using SmartKiosk.Activities.Issuance.Persistence;
using SmartKiosk.Activities.Issuance.Register;
using SmartKiosk.Activities.Issuance.Signing;
using SmartKiosk.Activities.Issuance.Timestamps;
using SmartKiosk.Activities.Issuance.Verification;

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
        services.TryAddSingleton<Agencies.AgencyDirectory>();
        services.TryAddSingleton<IssuanceDatabaseInitializer>();
        services.TryAddSingleton<CertificationRegister>();
        return services;
    }

    /// <summary>Everything issuing and verifying copies needs: the register, the keys, the TSA, the signer, the verifier.</summary>
    public static IServiceCollection AddIssuance(this IServiceCollection services, IConfiguration? configuration = null)
    {
        services.AddCertificationRegister(configuration);
        if (configuration is not null)
        {
            services.AddOptions<IssuanceOptions>().Bind(configuration.GetSection(IssuanceOptions.SectionName));
            services.AddOptions<SigningOptions>().Bind(configuration.GetSection(SigningOptions.SectionName));
            services.AddOptions<TimestampOptions>().Bind(configuration.GetSection(TimestampOptions.SectionName));
        }
        // The key ring is the host's (core); uploaded officer keys are decrypted with it.
        services.TryAddSingleton<Storage.KeyRingCipher>();
        services.TryAddSingleton<SigningKeyStore>();
        services.TryAddSingleton<OfficerCertificates>();
        services.TryAddSingleton<ITimestampAuthority>(sp =>
        {
            var settings = sp.GetRequiredService<IOptions<TimestampOptions>>().Value;
            if (!string.IsNullOrWhiteSpace(settings.Url))
            {
                return new HttpTimestampAuthority(new HttpClient { Timeout = settings.Timeout }, new Uri(settings.Url));
            }
            // The embedded default: the development TSA, in this process.
            using var key = sp.GetRequiredService<SigningKeyStore>().TimestampKey();
            return new LocalTimestampAuthority(key, sp.GetRequiredService<TimeProvider>());
        });
        services.TryAddSingleton(sp => new CertificateCheck(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<SigningKeyStore>().TrustedRoots));
        services.TryAddSingleton<CopySigner>();
        services.TryAddSingleton<CopyIssuer>();
        services.TryAddSingleton<ScannedPageReader>();
        services.TryAddSingleton<CopyVerifier>();
        return services;
    }
}
