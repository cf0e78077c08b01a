using System.Net;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Identity.Abstractions;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

namespace Kontaktlofte.AddinApi.Graph;

/// <summary>
/// Graph clients for the adapters of the mailbox and directory ports: one shared HttpClient with the SDK's middleware
/// (retry on 429 with Retry-After, redirects, decompression) plus immutable ids; tokens on behalf of the user.
/// </summary>
internal sealed class GraphClients(IHttpClientFactory http, IAuthorizationHeaderProvider headers, IOptions<GraphOptions> options)
{
    public const string HttpClientName = "graph";

    /// <summary>A client for the signed-in user, or for the long-running session with this key (the outbox's).</summary>
    public GraphServiceClient For(string? sessionKey) =>
        new(http.CreateClient(HttpClientName), new GraphAuthentication(headers, sessionKey, options.Value.Scopes), options.Value.BaseUrl);

    public IAuthorizationHeaderProvider Headers => headers;

    public IReadOnlyList<string> Scopes => options.Value.Scopes;
}

public static class GraphExtensions
{
    /// <summary>Once, whichever adapter asks first.</summary>
    public static WebApplicationBuilder AddGraph(this WebApplicationBuilder builder)
    {
        if (builder.Services.Any(s => s.ServiceType == typeof(GraphClients))) return builder;
        var section = builder.Configuration.GetSection(GraphOptions.Section);
        builder.Services.AddOptions<GraphOptions>().Bind(section)
            .Validate(o => Uri.TryCreate(o.BaseUrl, UriKind.Absolute, out _), "Graph:BaseUrl ska vara en absolut adress.")
            .Validate(o => o.Scopes.Count > 0, "Graph:Scopes ska ange minst en behörighet.")
            // The outbox's lease (10 min) must outlast the SDK's own retries, each waiting at most 180 s for a Retry-After.
            .Validate(o => o.MaxRetries is >= 0 and <= 3, "Graph:MaxRetries ska vara mellan 0 och 3: utkorgens lås på tio minuter ska räcka för SDK:ns egna nya försök.")
            .ValidateOnStart();
        var graph = section.Get<GraphOptions>() ?? new GraphOptions();
        builder.Services.AddHttpClient(GraphClients.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All })
            .AddHttpMessageHandler(() => new ImmutableIdHandler())
            .AddHttpMessageHandler(() => new RetryHandler(new RetryHandlerOption { MaxRetry = graph.MaxRetries, Delay = 1 }))
            .AddHttpMessageHandler(() => new RedirectHandler());
        builder.Services.AddScoped<GraphClients>();
        return builder;
    }
}
