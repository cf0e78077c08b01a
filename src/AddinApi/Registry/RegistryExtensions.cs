using Kontaktlofte.AddinApi.Registry.Embedded;
using Microsoft.Extensions.Options;

namespace Kontaktlofte.AddinApi.Registry;

public static class RegistryExtensions
{
    /// <summary>The registry port's settings and the embedded registry's numbering and the adapter chosen by Registry:Adapter.</summary>
    public static WebApplicationBuilder AddRegistry(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RegistryOptions>().Bind(builder.Configuration.GetSection(RegistryOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        // A validator of its own, so that the start fails naming the series that is wrong, not only that one is.
        builder.Services.AddSingleton<IValidateOptions<RegistryOptions>, SeriesValidation>();
        builder.Services.AddScoped<CaseNumbers>();
        builder.Services.AddScoped<EmbeddedRegistry>();
        // The adapter follows Registry:Adapter; the embedded registry is the default and the sandbox's.
        builder.Services.AddScoped<IRegistry>(services =>
            services.GetRequiredService<IOptions<RegistryOptions>>().Value.Adapter switch
            {
                _ => services.GetRequiredService<EmbeddedRegistry>(),
            });
        return builder;
    }
}

internal sealed class SeriesValidation : IValidateOptions<RegistryOptions>
{
    public ValidateOptionsResult Validate(string? name, RegistryOptions options) =>
        options.SeriesProblem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
