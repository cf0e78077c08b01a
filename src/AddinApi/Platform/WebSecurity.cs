using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Kontaktlofte.AddinApi.Auth;
using Kontaktlofte.AddinApi.Problems;
using Microsoft.Extensions.Options;

namespace Kontaktlofte.AddinApi.Platform;

/// <summary>How the API protects itself on the web (<c>Security</c> in configuration; README "Security on the web").</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>Origins other than the API's own that may call it from a browser (CORS); empty: the add-in's own origin only.</summary>
    public string[] CorsOrigins { get; set; } = [];

    /// <summary>
    /// Who may frame the add-in's pages (CSP <c>frame-ancestors</c>); empty: not restricted, because Outlook frames the task
    /// pane from hosts Microsoft changes (Outlook on the web, new Outlook, the desktop's web view).
    /// </summary>
    public string[] FrameAncestors { get; set; } = [];

    /// <summary>HTTPS redirection and HSTS; on outside development and the local sandbox.</summary>
    public bool? RequireHttps { get; set; }

    public RateLimitOptions RateLimit { get; set; } = new();
}

/// <summary>
/// Each signed-in user's own token bucket: <see cref="Burst"/> requests at once, refilled by <see cref="PerSecond"/> each
/// second. An official's pane asks about ten things when it opens a mail and the compose pane reviews the draft every few
/// seconds: the defaults let an official open twenty mails at once and then two a second without end, and still stop a
/// script run wild.
/// </summary>
public sealed class RateLimitOptions
{
    public bool Enabled { get; set; } = true;

    [Range(1, 100_000)]
    public int PerSecond { get; set; } = 20;

    [Range(1, 100_000)]
    public int Burst { get; set; } = 200;
}

/// <summary>
/// Security on the web: security headers with a Content-Security-Policy for the add-in's pages (themselves and
/// Microsoft's Office.js CDN only), CORS only for configured origins, a rate limit per user (429 with Retry-After, in
/// Swedish), and HTTPS with HSTS outside development.
/// </summary>
public static class WebSecurity
{
    /// <summary>Microsoft's Office.js CDN: the only script source besides the add-in itself.</summary>
    public const string OfficeJsCdn = "https://appsforoffice.microsoft.com";

    private const string CorsPolicy = "addin-origins";

    public static WebApplicationBuilder AddWebSecurity(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SecurityOptions>().Bind(builder.Configuration.GetSection(SecurityOptions.Section))
            .Validate(o => o.RateLimit.PerSecond > 0 && o.RateLimit.Burst > 0, "Security:RateLimit:PerSecond och Burst måste vara större än 0.")
            .Validate(o => o.CorsOrigins.All(IsOrigin), "Security:CorsOrigins ska vara ursprung som https://exempel.se, utan sökväg.")
            .ValidateOnStart();
        var security = builder.Configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();

        builder.Services.AddCors(cors => cors.AddPolicy(CorsPolicy, policy => policy
            .WithOrigins(security.CorsOrigins)
            .WithMethods("GET", "POST", "PUT", "DELETE")
            .WithHeaders("Authorization", "Content-Type", "Accept")
            .WithExposedHeaders("Retry-After", "Content-Disposition", "Location")));

        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var options = context.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value.RateLimit;
                if (!options.Enabled || context.Request.Path.StartsWithSegments("/healthz"))
                    return RateLimitPartition.GetNoLimiter("none");
                return RateLimitPartition.GetTokenBucketLimiter(PartitionOf(context), _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = options.Burst,
                    TokensPerPeriod = options.PerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            limiter.OnRejected = async (rejected, cancel) =>
            {
                var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
                rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await ProblemAnswers.WriteProblemAsync(rejected.HttpContext, StatusCodes.Status429TooManyRequests,
                    $"Du har gjort väldigt många förfrågningar på kort tid. Vänta {seconds} sekund{(seconds == 1 ? "" : "er")} och försök igen.");
            };
        });

        builder.Services.AddHsts(hsts =>
        {
            hsts.MaxAge = TimeSpan.FromDays(365);
            hsts.IncludeSubDomains = false; // the municipality's other hosts are not ours to bind
        });
        return builder;
    }

    /// <summary>Before the add-in's files: headers on every answer, then HTTPS, then CORS.</summary>
    public static WebApplication UseWebSecurity(this WebApplication app)
    {
        var security = app.Services.GetRequiredService<IOptions<SecurityOptions>>().Value;
        var page = PagePolicy(app.Configuration);
        var framedPage = security.FrameAncestors.Length == 0 ? page : $"{page}; frame-ancestors {string.Join(' ', security.FrameAncestors)}";
        var ownPage = $"{page}; frame-ancestors 'self'";
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                WriteHeaders(context, framedPage, ownPage);
                return Task.CompletedTask;
            });
            return next(context);
        });
        if (security.RequireHttps ?? !(app.Environment.IsDevelopment() || app.Environment.IsEnvironment("Sandbox")))
        {
            app.UseHsts();
            // The orchestrator's probes come in plain HTTP from inside: they are answered, not redirected.
            app.UseWhen(context => !context.Request.Path.StartsWithSegments("/healthz"), https => https.UseHttpsRedirection());
        }
        app.UseCors(CorsPolicy);
        return app;
    }

    /// <summary>After authentication, so that the bucket is the user's and not the load balancer's address.</summary>
    public static WebApplication UseRateLimitPerUser(this WebApplication app)
    {
        app.UseRateLimiter();
        return app;
    }

    private static string PartitionOf(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true && UserKey(context.User) is { } user
            ? $"user:{user}"
            : $"address:{context.Connection.RemoteIpAddress}";

    // Entra's object id when there is one (stable across renames), else the sign-in name.
    private static string? UserKey(ClaimsPrincipal user) =>
        user.FindFirst("oid")?.Value ?? user.FindFirst("http://schemas.microsoft.com/identity/claims/objectidentifier")?.Value
        ?? user.FindFirst(KontaktlofteClaims.Email)?.Value ?? user.Identity?.Name;

    private static void WriteHeaders(HttpContext context, string framedPage, string ownPage)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer"; // the pane links into Outlook; the mail's id is nobody else's business
        if (context.Request.Path.StartsWithSegments("/swagger")) return; // Swagger UI brings its own inline parts
        var html = context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true;
        headers.ContentSecurityPolicy = !html
            ? "default-src 'none'; frame-ancestors 'none'"
            : FramedByOffice(context.Request.Path) ? framedPage : ownPage;
    }

    // The task pane, the send handler's page and the sandbox's Outlook-like page are framed by Outlook (or the sandbox).
    private static bool FramedByOffice(PathString path) => path.StartsWithSegments("/addin") || path == "/" || path == "/index.html";

    /// <summary>
    /// The add-in's pages: scripts from itself and the Office.js CDN only; calls to itself and to Entra ID (MSAL outside
    /// Outlook); no inline script, no plug-ins, no foreign forms. Inline style is allowed: a mail's HTML is styled inline,
    /// and the previews of receipts (and the sandbox's reading pane) show it in script-less frames that inherit this policy.
    /// </summary>
    public static string PagePolicy(IConfiguration configuration)
    {
        var login = new Uri(configuration["AzureAd:Instance"] is { Length: > 0 } instance ? instance : "https://login.microsoftonline.com/")
            .GetLeftPart(UriPartial.Authority);
        return $"default-src 'self'; script-src 'self' {OfficeJsCdn}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
                     $"connect-src 'self' {OfficeJsCdn} {login}; frame-src 'self' {login}; object-src 'none'; base-uri 'self'; form-action 'self'";
    }

    private static bool IsOrigin(string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && uri.PathAndQuery == "/" && !origin.EndsWith('/');
}
