using System.Globalization;
using System.Net;
using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Identity.Abstractions;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

namespace Kontaktlofte.AddinApi.Graph;

/// <summary>
/// Graph clients for the adapters of the mailbox and directory ports: one shared HttpClient with the SDK's middleware
/// (retry on 429/503/504 within <see cref="GraphOptions.MaxRetryWait"/>, redirects, query names as Graph writes them),
/// immutable ids, a client-request-id on every call, and a timeout per attempt; tokens on behalf of the user.
/// </summary>
internal sealed class GraphClients(IHttpClientFactory http, IHttpMessageHandlerFactory handlers, IAuthorizationHeaderProvider headers,
    IOptions<GraphOptions> options)
{
    public const string HttpClientName = "graph";

    /// <summary>
    /// Inside a request: the signed-in user's own token (MSAL's cache answers after the first on-behalf-of exchange).
    /// </summary>
    public GraphServiceClient ForUser(ClaimsPrincipal? user = null) => Create(new GraphAuthentication(headers, null, user, options.Value.Scopes));

    /// <summary>
    /// In the background (the outbox): the user's long-running on-behalf-of session with this key. Only there: with a
    /// session key MSAL refreshes from Entra on every call instead of reading its cache.
    /// </summary>
    public GraphServiceClient ForSession(string sessionKey) => Create(new GraphAuthentication(headers, sessionKey, null, options.Value.Scopes));

    /// <summary>
    /// As the application itself (client credentials, <c>.default</c>): the watcher's view of the watched mailboxes, which
    /// Exchange's RBAC for Applications limits to the mailboxes in its management scope.
    /// </summary>
    public GraphServiceClient ForApp() => new(http.CreateClient(HttpClientName), new AppAuthentication(headers), options.Value.BaseUrl);

    /// <summary>
    /// The same client, in a function (shared) mailbox the user has access to: every <c>/me/…</c> call goes to
    /// <c>/users/{address}/…</c>, as Graph's delegated <c>Mail.Read.Shared</c> / <c>Mail.Send.Shared</c> want it (Exchange decides
    /// whether the user may: a 403 otherwise). Same pipeline, one handler in front.
    /// </summary>
    public GraphServiceClient InMailbox(string shared, ClaimsPrincipal? user, string? sessionKey) =>
        new(new HttpClient(new SharedMailboxHandler(shared) { InnerHandler = handlers.CreateHandler(HttpClientName) }, disposeHandler: false)
            {
                Timeout = http.CreateClient(HttpClientName).Timeout,
            },
            new GraphAuthentication(headers, sessionKey, user, options.Value.Scopes), options.Value.BaseUrl);

    private GraphServiceClient Create(GraphAuthentication authentication) =>
        new(http.CreateClient(HttpClientName), authentication, options.Value.BaseUrl);

    public IAuthorizationHeaderProvider Headers => headers;

    public IReadOnlyList<string> Scopes => options.Value.Scopes;
}

public static class GraphExtensions
{
    /// <summary>The outbox's lease (<c>Outbox:Lease</c>) unless set: ten minutes.</summary>
    private static readonly TimeSpan DefaultOutboxLease = TimeSpan.FromMinutes(10);
    private const int CallsPerSend = 6;

    /// <summary>Once, whichever adapter asks first.</summary>
    public static WebApplicationBuilder AddGraph(this WebApplicationBuilder builder)
    {
        if (builder.Services.Any(s => s.ServiceType == typeof(GraphClients))) return builder;
        var section = builder.Configuration.GetSection(GraphOptions.Section);
        var outboxLease = builder.Configuration.GetValue<TimeSpan?>("Outbox:Lease") ?? DefaultOutboxLease;
        builder.Services.AddOptions<GraphOptions>().Bind(section)
            .Validate(o => Uri.TryCreate(o.BaseUrl, UriKind.Absolute, out _), "Graph:BaseUrl ska vara en absolut adress.")
            .Validate(o => o.Scopes.Count > 0, "Graph:Scopes ska ange minst en behörighet.")
            .Validate(o => o.MaxRetries is >= 0 and <= 3, "Graph:MaxRetries ska vara mellan 0 och 3.")
            .Validate(o => o.AttemptTimeout >= TimeSpan.FromSeconds(1) && o.AttemptTimeout <= TimeSpan.FromMinutes(2),
                "Graph:AttemptTimeout ska vara mellan 1 sekund och 2 minuter.")
            .Validate(o => o.MaxRetryWait >= TimeSpan.Zero && o.MaxRetryWait <= TimeSpan.FromMinutes(1),
                "Graph:MaxRetryWait ska vara mellan 0 och 1 minut.")
            // A receipt makes up to five Graph calls (read, createReply, draft check, send, mark), and Kiota may repeat one
            // after a claims challenge: six calls, retries and waits included, must end inside the outbox's lease, else a
            // second sender could take the item while the first is still at it.
            .Validate(o => o.CallBudget * CallsPerSend <= outboxLease,
                $"Graph:AttemptTimeout × (MaxRetries + 1) + MaxRetryWait × MaxRetries får vara högst {(outboxLease / CallsPerSend).TotalSeconds.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture).Replace('.', ',')} sekunder: " +
                $"sex anrop ska rymmas i utkorgens lås (Outbox:Lease, {outboxLease:c}).")
            .ValidateOnStart();
        var graph = section.Get<GraphOptions>() ?? new GraphOptions();
        builder.Services.AddHttpClient(GraphClients.HttpClientName, client => client.Timeout = graph.CallBudget + TimeSpan.FromSeconds(5))
            // As Kiota's own factory: the RedirectHandler follows redirects (and drops the token on another host), not the socket.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.All, PooledConnectionLifetime = TimeSpan.FromMinutes(1),
            })
            .AddHttpMessageHandler(() => new GraphHeadersHandler())
            .AddHttpMessageHandler(() => new RetryHandler(new RetryHandlerOption
            {
                MaxRetry = graph.MaxRetries, Delay = 1, ShouldRetry = (delay, retries, response) => ShouldRetry(delay, retries, response, graph.MaxRetryWait),
            }))
            .AddHttpMessageHandler(() => new RedirectHandler())
            .AddHttpMessageHandler(() => new ParametersNameDecodingHandler())
            .AddHttpMessageHandler(() => new AttemptTimeoutHandler(graph.AttemptTimeout));
        builder.Services.AddScoped<GraphClients>();
        return builder;
    }

    /// <summary>
    /// The SDK retries 429, 503 and 504, waiting Retry-After (else 1, 2, 4 s) — but only when the wait fits in
    /// <paramref name="longest"/>; a longer one ends the call, and its Retry-After travels on to the caller.
    /// </summary>
    internal static bool ShouldRetry(int delaySeconds, int retries, HttpResponseMessage response, TimeSpan longest) =>
        response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout
        && (RetryAfter(response.Headers) ?? TimeSpan.FromSeconds(delaySeconds * Math.Pow(2, retries))) <= longest;

    /// <summary>Retry-After in seconds or as an HTTP date (RFC 9110 §10.2.3).</summary>
    internal static TimeSpan? RetryAfter(System.Net.Http.Headers.HttpResponseHeaders headers) =>
        headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - DateTimeOffset.UtcNow is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
            _ => null,
        };

    /// <summary>The same from a header value, as Kiota hands the headers of a failed response on.</summary>
    internal static TimeSpan? RetryAfter(string? value) =>
        value is null ? null
        : int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? TimeSpan.FromSeconds(seconds)
        : DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? (date - DateTimeOffset.UtcNow is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero)
            : null;
}
