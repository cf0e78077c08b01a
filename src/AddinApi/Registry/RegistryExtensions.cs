using Kontaktlofte.AddinApi.Organisation;
using Kontaktlofte.AddinApi.Registry.Embedded;
using Kontaktlofte.AddinApi.Registry.Lex;
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
        builder.Services.AddSingleton<IValidateOptions<RegistryOptions>, LexValidation>();
        builder.Services.AddScoped<EmbeddedRegistry>();
        builder.Services.AddScoped<LexMailRegistry>();
        // No retry handler: the outbox owns the back-off. The key is a secret, never written to a log.
        builder.Services.AddHttpClient<LexHttpRegistry>(LexHttpRegistry.HttpClientName, (services, client) =>
            {
                var lex = services.GetRequiredService<IOptions<RegistryOptions>>().Value.LexHttp;
                if (lex.Problem() is not null) return; // not the adapter: never called
                client.BaseAddress = lex.BaseAddress;
                client.Timeout = lex.Timeout;
                client.DefaultRequestHeaders.TryAddWithoutValidation(lex.ApiKeyHeader, lex.ApiKey);
            })
            .RedactLoggedHeaders(_ => true);
        // The adapter follows Registry:Adapter; the embedded registry is the default and the sandbox's.
        builder.Services.AddScoped<IRegistry>(services =>
            services.GetRequiredService<IOptions<RegistryOptions>>().Value.Adapter switch
            {
                LexMailRegistry.AdapterName => services.GetRequiredService<LexMailRegistry>(),
                LexHttpRegistry.AdapterName => services.GetRequiredService<LexHttpRegistry>(),
                _ => services.GetRequiredService<EmbeddedRegistry>(),
            });
        // The contract the HTTP adapter calls, in Swagger as a document of its own, whichever adapter runs.
        builder.Services.AddLexContractDocument();
        return builder;
    }
}

internal sealed class SeriesValidation : IValidateOptions<RegistryOptions>
{
    public ValidateOptionsResult Validate(string? name, RegistryOptions options) =>
        options.SeriesProblem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}

/// <summary>The chosen Lex adapter's settings, checked at start: a missing address or URL stops the API naming its key.</summary>
internal sealed class LexValidation(IOptions<OrganisationOptions> organisation) : IValidateOptions<RegistryOptions>
{
    public ValidateOptionsResult Validate(string? name, RegistryOptions options) =>
        (options.Adapter switch
        {
            LexMailRegistry.AdapterName => options.LexMail.Problem(organisation.Value.IsInternalAddress),
            LexHttpRegistry.AdapterName => options.LexHttp.Problem(),
            _ => null,
        }) is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
