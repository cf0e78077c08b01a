using System.Collections.Concurrent;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Identity.Abstractions;

namespace Kontaktlofte.AddinApi.Tests.Mailbox.Graph;

/// <summary>One request as the fake Graph received it.</summary>
public sealed record GraphRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string Body, DateTimeOffset At)
{
    public JsonNode? Json => Body.Length == 0 ? null : JsonNode.Parse(Body);
}

/// <summary>
/// A stand-in for Microsoft Graph on loopback: answers the calls the Graph adapter makes with Graph's own JSON
/// shapes (and its error bodies, 404, 429 with Retry-After, 503), and records every request for the tests.
/// </summary>
public sealed partial class FakeGraph : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, JsonObject> _messages = new();
    private readonly ConcurrentDictionary<string, string> _aliases = new();
    private int _drafts;

    public ConcurrentQueue<GraphRequest> Requests { get; } = new();
    /// <summary>Statuses to answer the next send calls with, one each (e.g. 429, 503).</summary>
    public ConcurrentQueue<int> SendFailures { get; } = new();
    public bool SendAlwaysFails { get; set; }
    public TimeSpan CreateReplyDelay { get; set; } = TimeSpan.Zero;
    private int _successfulSends;
    public int SuccessfulSends => Volatile.Read(ref _successfulSends);
    public string BaseUrl { get; private set; } = "";

    private FakeGraph(WebApplication app) => _app = app;

    public static async Task<FakeGraph> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeGraph(app);
        fake.Map();
        await app.StartAsync();
        fake.BaseUrl = app.Services.GetService(typeof(IServer)) is IServer server
            ? server.Features.Get<IServerAddressesFeature>()!.Addresses.First() : throw new InvalidOperationException();
        return fake;
    }

    /// <summary>A citizen's message in the mailbox; <paramref name="restId"/> is the id the add-in knows it by.</summary>
    public void AddMessage(string immutableId, string subject, string html, DateTimeOffset receivedAt, string conversationId,
        string? restId = null, string from = "anna.berg@example.se")
    {
        _messages[immutableId] = new JsonObject
        {
            ["@odata.etag"] = "W/\"CQAAABYAAACcx0/TODxQTJisegJjC7G3AAAB7Qlm\"",
            ["id"] = immutableId,
            ["receivedDateTime"] = receivedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
            ["subject"] = subject,
            ["internetMessageId"] = $"<{immutableId}@example.se>",
            ["conversationId"] = conversationId,
            ["isDraft"] = false,
            ["categories"] = new JsonArray(),
            ["body"] = new JsonObject { ["contentType"] = "html", ["content"] = html },
            ["from"] = new JsonObject { ["emailAddress"] = new JsonObject { ["name"] = "Anna Berg", ["address"] = from } },
            ["internetMessageHeaders"] = new JsonArray(new JsonObject { ["name"] = "Auto-Submitted", ["value"] = "no" }),
        };
        if (restId is not null) _aliases[restId] = immutableId;
    }

    public JsonObject Message(string id) => _messages[id];

    /// <summary>The organisation's users, as Graph answers them with the fields the directory selects.</summary>
    public List<JsonObject> People { get; } =
    [
        Person("Amina Yusuf", "Kundtjänstmedarbetare", "08-530 610 21", "amina.yusuf@botkyrka.se", "Kontaktcenter"),
        Person("Per Holm", "Bygglovsarkitekt", "08-530 612 77", "per.holm@botkyrka.se", "Bygglovsenheten"),
        Person("Petra Andersson", null, null, "petra.andersson@botkyrka.se", "Gatuenheten"),
    ];

    /// <summary>Automatic replies by address, as getMailTips tells them.</summary>
    public Dictionary<string, string> AutomaticReplies { get; } = new(StringComparer.OrdinalIgnoreCase);

    private static JsonObject Person(string name, string? title, string? phone, string mail, string department) => new()
    {
        ["displayName"] = name,
        ["jobTitle"] = title,
        ["businessPhones"] = phone is null ? new JsonArray() : new JsonArray(phone),
        ["mobilePhone"] = null,
        ["mail"] = mail,
        ["userPrincipalName"] = mail,
        ["department"] = department,
    };

    [System.Text.RegularExpressions.GeneratedRegex("\"(displayName|mail):([^\"]*)\"")]
    private static partial System.Text.RegularExpressions.Regex SearchWords();

    public List<GraphRequest> Where(string method, string pathEnd) =>
        Requests.Where(r => r.Method == method && r.Path.EndsWith(pathEnd, StringComparison.Ordinal)).ToList();

    private void Map()
    {
        _app.Use(async (context, next) =>
        {
            context.Request.EnableBuffering();
            var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
            context.Request.Body.Position = 0;
            Requests.Enqueue(new GraphRequest(context.Request.Method, context.Request.Path.Value ?? "", Uri.UnescapeDataString(context.Request.QueryString.Value ?? ""),
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                body, DateTimeOffset.UtcNow));
            await next(context);
        });

        _app.MapGet("/v1.0/me", () => Results.Json(new JsonObject
        {
            ["@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#users(displayName,jobTitle,businessPhones,mobilePhone,mail,userPrincipalName)/$entity",
            ["displayName"] = "Lina Graph",
            ["jobTitle"] = "Bygglovshandläggare",
            ["businessPhones"] = new JsonArray("08-530 699 99"),
            ["mobilePhone"] = null,
            ["mail"] = "lina.graph@botkyrka.se",
            ["userPrincipalName"] = "lina.graph@botkyrka.se",
        }));

        // Directory: $search on users is an advanced query and Graph refuses it without ConsistencyLevel: eventual.
        _app.MapGet("/v1.0/users", (HttpContext context) =>
        {
            var search = context.Request.Query["$search"].ToString();
            if (search.Length > 0 && context.Request.Headers["ConsistencyLevel"].ToString() != "eventual")
                return Error(400, "Request_UnsupportedQuery", "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'");
            var words = SearchWords().Matches(search).Select(m => m.Groups[2].Value.ToLowerInvariant()).Distinct().ToList();
            var found = People.Where(p => words.Any(w => p["displayName"]!.GetValue<string>().Split(' ').Any(n => n.StartsWith(w, StringComparison.OrdinalIgnoreCase))
                                                        || p["mail"]!.GetValue<string>().StartsWith(w, StringComparison.OrdinalIgnoreCase)));
            return Results.Json(new JsonObject
            {
                ["@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#users(displayName,jobTitle,businessPhones,mobilePhone,mail,userPrincipalName,department)",
                ["@odata.count"] = found.Count(),
                ["value"] = new JsonArray(found.Select(p => (JsonNode)p.DeepClone()).ToArray()),
            });
        });
        _app.MapGet("/v1.0/me/directReports/graph.user", () => Results.Json(new JsonObject
        {
            ["@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#users(displayName,jobTitle,businessPhones,mobilePhone,mail,userPrincipalName,department)",
            ["value"] = new JsonArray(People.Take(2).Select(p => (JsonNode)p.DeepClone()).ToArray()),
        }));
        _app.MapPost("/v1.0/me/getMailTips", (JsonObject body) =>
        {
            var addresses = body["EmailAddresses"]?.AsArray().Select(a => a!.GetValue<string>()).ToList() ?? [];
            if (addresses.Count is 0 or > 100) return Error(400, "ErrorInvalidRequest", "EmailAddresses must hold 1 to 100 addresses.");
            return Results.Json(new JsonObject
            {
                ["@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#Collection(microsoft.graph.mailTips)",
                ["value"] = new JsonArray(addresses.Select(a => (JsonNode)new JsonObject
                {
                    ["emailAddress"] = new JsonObject { ["name"] = "", ["address"] = a },
                    ["automaticReplies"] = AutomaticReplies.TryGetValue(a, out var message)
                        ? new JsonObject
                        {
                            ["message"] = message,
                            ["messageLanguage"] = new JsonObject { ["locale"] = "sv-SE", ["displayName"] = "svenska (Sverige)" },
                            ["scheduledStartTime"] = new JsonObject { ["dateTime"] = "2026-11-30T07:00:00.0000000", ["timeZone"] = "UTC" },
                            ["scheduledEndTime"] = new JsonObject { ["dateTime"] = "2026-12-07T07:00:00.0000000", ["timeZone"] = "UTC" },
                        }
                        : new JsonObject { ["message"] = "" },
                }).ToArray()),
            });
        });
        _app.MapGet("/v1.0/me/messages/{id}", (string id) =>
            id.StartsWith("malformed", StringComparison.Ordinal) ? Error(400, "ErrorInvalidIdMalformed", "Id is malformed.")
            : Find(id) is { } message ? Results.Json(message) : NotFound());

        _app.MapPost("/v1.0/me/messages/{id}/createReply", async (string id) =>
        {
            if (CreateReplyDelay > TimeSpan.Zero) await Task.Delay(CreateReplyDelay);
            if (Find(id) is not { } original) return NotFound();
            var draftId = $"AAMkADraft{Interlocked.Increment(ref _drafts)}=";
            var draft = new JsonObject
            {
                ["id"] = draftId,
                ["subject"] = "SV: " + original["subject"],
                ["isDraft"] = true,
                ["conversationId"] = original["conversationId"]?.GetValue<string>(),
                ["receivedDateTime"] = original["receivedDateTime"]?.GetValue<string>(),
                ["body"] = new JsonObject { ["contentType"] = "html", ["content"] = "" },
            };
            _messages[draftId] = draft;
            return Results.Json(draft, statusCode: StatusCodes.Status201Created);
        });

        _app.MapPost("/v1.0/me/messages/{id}/send", (string id) =>
        {
            if (SendAlwaysFails) return Error(503, "ServiceUnavailable", "Service is temporarily unavailable.");
            if (SendFailures.TryDequeue(out var status))
                return status == 429
                    ? Error(429, "ApplicationThrottled", "Application is over its MailboxConcurrency limit.", retryAfter: "1")
                    : Error(status, "ServiceUnavailable", "Service is temporarily unavailable.");
            if (Find(id) is not { } draft) return NotFound();
            draft["isDraft"] = false;
            draft["sentDateTime"] = DateTimeOffset.UtcNow.ToString("o");
            Interlocked.Increment(ref _successfulSends);
            return Results.StatusCode(StatusCodes.Status202Accepted);
        });

        _app.MapMethods("/v1.0/me/messages/{id}", ["PATCH"], (string id, JsonObject patch) =>
        {
            if (Find(id) is not { } message) return NotFound();
            foreach (var (key, value) in patch) message[key] = value?.DeepClone();
            return Results.Json(message);
        });

        _app.MapGet("/v1.0/me/mailFolders/sentitems/messages", () => Results.Json(new JsonObject
        {
            ["@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#users('me')/mailFolders('sentitems')/messages(id,sentDateTime)",
            ["value"] = new JsonArray(_messages.Values.Where(m => m["sentDateTime"] is not null)
                .Select(m => (JsonNode)new JsonObject { ["id"] = m["id"]!.GetValue<string>(), ["sentDateTime"] = m["sentDateTime"]!.GetValue<string>() })
                .ToArray()),
        }));
    }

    private JsonObject? Find(string id) =>
        _messages.TryGetValue(_aliases.TryGetValue(id, out var immutable) ? immutable : id, out var message) ? message : null;

    private static IResult NotFound() => Error(404, "ErrorItemNotFound", "The specified object was not found in the store.");

    private static GraphError Error(int status, string code, string message, string? retryAfter = null) => new GraphError(status, code, message, retryAfter);

    private sealed class GraphError(int status, string code, string message, string? retryAfter) : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            context.Response.StatusCode = status;
            if (retryAfter is not null) context.Response.Headers.RetryAfter = retryAfter;
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync(JsonSerializer.Serialize(new { error = new { code, message, innerError = new { date = "2026-11-28T10:00:00", requestId = Guid.NewGuid() } } }));
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

/// <summary>Microsoft.Identity.Web's header provider, without Entra: a fixed token, and a long-running session key.</summary>
public sealed class FakeTokens : IAuthorizationHeaderProvider
{
    public const string SessionKey = "obo-session-42";
    public ConcurrentQueue<string?> SessionKeysUsed { get; } = new();

    public Task<string> CreateAuthorizationHeaderForUserAsync(IEnumerable<string> scopes, AuthorizationHeaderProviderOptions? authorizationHeaderProviderOptions = null,
        ClaimsPrincipal? claimsPrincipal = null, CancellationToken cancellationToken = default)
    {
        var acquire = authorizationHeaderProviderOptions?.AcquireTokenOptions;
        if (acquire?.LongRunningWebApiSessionKey == AcquireTokenOptions.LongRunningWebApiSessionKeyAuto)
            acquire.LongRunningWebApiSessionKey = SessionKey;
        else
            SessionKeysUsed.Enqueue(acquire?.LongRunningWebApiSessionKey);
        return Task.FromResult("Bearer fake-graph-token");
    }

    public Task<string> CreateAuthorizationHeaderForAppAsync(string scopes, AuthorizationHeaderProviderOptions? downstreamApiOptions = null,
        CancellationToken cancellationToken = default) => throw new NotSupportedException("The API calls Graph only on behalf of users.");

    public Task<string> CreateAuthorizationHeaderAsync(IEnumerable<string> scopes, AuthorizationHeaderProviderOptions? options = null,
        ClaimsPrincipal? claimsPrincipal = null, CancellationToken cancellationToken = default) =>
        CreateAuthorizationHeaderForUserAsync(scopes, options, claimsPrincipal, cancellationToken);
}
