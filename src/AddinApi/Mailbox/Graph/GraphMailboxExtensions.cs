using System.Net;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

namespace Kontaktlofte.AddinApi.Mailbox.Graph;

public static class GraphMailboxExtensions
{
    public const string HttpClientName = "graph";

    /// <summary>
    /// Graph through one shared HttpClient with the SDK's middleware (retry on 429 with Retry-After, redirects,
    /// decompression) plus immutable ids; tokens on behalf of the user from Microsoft.Identity.Web.
    /// </summary>
    public static WebApplicationBuilder AddGraphMailbox(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(GraphOptions.Section);
        builder.Services.Configure<GraphOptions>(section);
        var graph = section.Get<GraphOptions>() ?? new GraphOptions();

        builder.Services.AddHttpClient(HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All })
            .AddHttpMessageHandler(() => new ImmutableIdHandler())
            .AddHttpMessageHandler(() => new RetryHandler(new RetryHandlerOption { MaxRetry = graph.MaxRetries, Delay = 1 }))
            .AddHttpMessageHandler(() => new RedirectHandler());
        builder.Services.AddScoped<IMailbox>(services => new GraphMailbox(
            services.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            services.GetRequiredService<Microsoft.Identity.Abstractions.IAuthorizationHeaderProvider>(),
            services.GetRequiredService<Microsoft.Extensions.Options.IOptions<GraphOptions>>()));
        return builder;
    }
}
