namespace Kontaktlofte.AddinApi.Registry.Lex;

/// <summary>The Lex REST endpoint (<c>Registry:LexHttp</c>); the contract is this product's (README, Swagger document "lex").</summary>
public sealed class LexHttpOptions
{
    /// <summary>The contract's base address, e.g. https://lex.botkyrka.se/kontaktlofte/v1.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>The header the API key is sent in.</summary>
    public string ApiKeyHeader { get; set; } = "X-Api-Key";

    /// <summary>The API key: a secret (user-secrets locally, the environment variable Registry__LexHttp__ApiKey in production).</summary>
    public string? ApiKey { get; set; }

    /// <summary>How long one call may take; past it the registration waits in the outbox.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The base address with a final slash, so that relative paths are resolved under it.</summary>
    public Uri BaseAddress => new(BaseUrl!.Trim().TrimEnd('/') + "/");

    /// <summary>Why the settings cannot work, in Swedish, naming the key; null when they can.</summary>
    public string? Problem()
    {
        if (string.IsNullOrWhiteSpace(BaseUrl))
            return "Registry:LexHttp:BaseUrl saknas: ange Lex REST-adress, till exempel https://lex.botkyrka.se/kontaktlofte/v1.";
        if (!Uri.TryCreate(BaseUrl.Trim(), UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
            return $"Registry:LexHttp:BaseUrl: \"{BaseUrl}\" ska vara en fullständig https-adress.";
        if (string.IsNullOrWhiteSpace(ApiKeyHeader) || ApiKeyHeader.Any(c => char.IsWhiteSpace(c) || c == ':'))
            return "Registry:LexHttp:ApiKeyHeader ska vara ett rubriknamn, till exempel X-Api-Key.";
        if (string.IsNullOrWhiteSpace(ApiKey))
            return "Registry:LexHttp:ApiKey saknas: ange nyckeln med dotnet user-secrets eller miljövariabeln Registry__LexHttp__ApiKey (aldrig i appsettings.json).";
        if (Timeout <= TimeSpan.Zero || Timeout > TimeSpan.FromMinutes(5))
            return "Registry:LexHttp:Timeout ska vara större än 0 och högst 00:05:00 (standard 00:00:10).";
        return null;
    }
}
