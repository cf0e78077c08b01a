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
/// <param name="RawQuery">The query string exactly as it came over the wire (percent-encoding and all).</param>
public sealed record GraphRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string Body, DateTimeOffset At,
    string RawQuery = "")
{
    public JsonNode? Json => Body.Length == 0 ? null : JsonNode.Parse(Body);
}

/// <summary>
/// A stand-in for Microsoft Graph on loopback, as strict as Graph where the adapter could go wrong: it answers with
/// Graph's JSON shapes, status codes, headers (<c>request-id</c>, <c>client-request-id</c>, Retry-After) and error bodies;
/// it refuses a request without a bearer token (or, given <see cref="AcceptToken"/>, with a token Entra did not issue),
/// an id in EWS form (<c>/</c>, <c>+</c>), a createReply with both a comment and a body; it builds a reply draft as
/// Exchange does (our body replaces its quote); it pages Sent Items by <c>$top</c> with <c>@odata.nextLink</c>; and it can
/// be told to delay, hang, throttle past the retry limit, deny access, ask for a new sign-in (a claims challenge), redirect,
/// or lose a send's answer after sending (the draft then answers 404 while Exchange moves it). Records every request.
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
    /// <summary>How long a send takes before Graph answers (a hung call, when longer than the API's attempt timeout).</summary>
    public TimeSpan SendDelay { get; set; } = TimeSpan.Zero;
    /// <summary>The Retry-After (seconds) of a 429 from <see cref="SendFailures"/> and of <see cref="SendAlwaysFails"/>'s 503.</summary>
    public int RetryAfterSeconds { get; set; } = 1;
    /// <summary>Sends go through, but the answer is lost (a 504): the SDK tries again on a message that is on its way.</summary>
    public bool LoseSendAnswers { get; set; }
    /// <summary>How long a sent draft answers 404 while Exchange moves it to Sent Items.</summary>
    public TimeSpan InTransit { get; set; } = TimeSpan.Zero;
    /// <summary>Statuses to answer the next message reads with (e.g. 503 with Retry-After), one each.</summary>
    public ConcurrentQueue<int> ReadFailures { get; } = new();
    /// <summary>When set, only these bearer tokens are accepted (the ones the fake Entra issued).</summary>
    public Func<string, bool>? AcceptToken { get; set; }
    /// <summary>Every message request answers 403 ErrorAccessDenied (a mailbox the user may not use).</summary>
    public bool DenyAccess { get; set; }
    /// <summary>Messages that moved: a read of the key is redirected (307) to the value.</summary>
    public ConcurrentDictionary<string, string> Redirects { get; } = new();
    /// <summary>
    /// Called before each request is answered (after it is recorded and authorised): a test holds a call in flight here,
    /// e.g. one instance's createReply or send, until it lets it go; a call whose caller gave up meanwhile (<c>RequestAborted</c>)
    /// is then not carried out.
    /// </summary>
    public Func<HttpContext, Task>? Hold { get; set; }
    /// <summary>Called once a send has gone out (the draft is sent) and before Graph answers 202: the answer held or lost.</summary>
    public Func<HttpContext, Task>? HoldSentAnswer { get; set; }
    private readonly ConcurrentDictionary<string, DateTimeOffset> _sentAt = new();
    private readonly ConcurrentDictionary<string, string> _mailboxOf = new();
    private readonly ConcurrentDictionary<string, long> _versions = new();
    private long _version;
    /// <summary>Each mailbox's master category list.</summary>
    public ConcurrentDictionary<string, List<JsonObject>> MasterCategories { get; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>Mailboxes outside the app's RBAC management scope: Graph answers 403 for them.</summary>
    public ConcurrentDictionary<string, bool> OutOfScope { get; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>The next delta request with a token answers 410 Gone (SyncStateNotFound): the sync state was lost.</summary>
    public bool ExpireDeltaTokensOnce { get; set; }
    /// <summary>The next request for a later page of a round fails with 503 (the watcher's process dies mid-round, say).</summary>
    public bool FailNextPageOnce { get; set; }
    private readonly ConcurrentDictionary<string, long> _removed = new();

    /// <summary>The official moves a message out of the folder (or deletes it): delta reports it as removed.</summary>
    public void MoveOut(string id)
    {
        if (_messages.TryRemove(id, out _)) _removed[id] = Interlocked.Increment(ref _version);
    }

    /// <summary>A message changed (e.g. its categories): delta shows it again.</summary>
    public void Touch(string id) => _versions[id] = Interlocked.Increment(ref _version);
    private int _successfulSends;
    public int SuccessfulSends => Volatile.Read(ref _successfulSends);
    public string BaseUrl { get; private set; } = "";


    private FakeGraph(WebApplication app) => _app = app;

    /// <summary>
    /// Continuous access evaluation: a token this answers claims for (base64) is refused with 401 and a claims challenge,
    /// as Graph refuses every token issued before a critical event (a revoked session, a new location) until a new one is
    /// acquired with the claims.
    /// </summary>
    public Func<string, string?>? Challenge { get; set; }

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
        string? restId = null, string from = "anna.berg@example.se", string? replyTo = null, string fromName = "Anna Berg", string mailbox = "me")
    {
        _mailboxOf[immutableId] = mailbox;
        _versions[immutableId] = Interlocked.Increment(ref _version);
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
            ["from"] = new JsonObject { ["emailAddress"] = new JsonObject { ["name"] = fromName, ["address"] = from } },
            ["replyTo"] = replyTo is null ? new JsonArray()
                : new JsonArray(new JsonObject { ["emailAddress"] = new JsonObject { ["name"] = "", ["address"] = replyTo } }),
            ["internetMessageHeaders"] = new JsonArray(new JsonObject { ["name"] = "Auto-Submitted", ["value"] = "no" }),
        };
        if (restId is not null) _aliases[restId] = immutableId;
    }

    /// <summary>
    /// A meeting message, as Graph serves one among the mail: <c>@odata.type</c> eventMessageRequest for an invitation,
    /// eventMessageResponse for an answer to one, eventMessage for a cancellation, with its <c>meetingMessageType</c>
    /// (meetingRequest, meetingAccepted, meetingTenativelyAccepted — Graph's spelling —, meetingDeclined, meetingCancelled).
    /// </summary>
    public void AddEventMessage(string immutableId, string meetingMessageType, string subject, string html, DateTimeOffset receivedAt,
        string conversationId, string from, string mailbox)
    {
        AddMessage(immutableId, subject, html, receivedAt, conversationId, from: from, fromName: from, mailbox: mailbox);
        var type = meetingMessageType switch
        {
            "meetingRequest" => "#microsoft.graph.eventMessageRequest",
            "meetingAccepted" or "meetingTenativelyAccepted" or "meetingDeclined" => "#microsoft.graph.eventMessageResponse",
            _ => "#microsoft.graph.eventMessage",
        };
        var typed = new JsonObject { ["@odata.type"] = type };
        foreach (var (key, value) in _messages[immutableId]) typed[key] = value?.DeepClone();
        typed["meetingMessageType"] = meetingMessageType;
        _messages[immutableId] = typed;
    }

    public JsonObject Message(string id) => _messages[id];

    /// <summary>The official deletes a message (a draft, say) in Outlook.</summary>
    public void Delete(string id) => _messages.TryRemove(id, out _);

    /// <summary>The organisation's users, as Graph answers them with the fields the directory selects.</summary>
    public List<JsonObject> People { get; } =
    [
        Person("Amina Yusuf", "Kundtjänstmedarbetare", "08-530 610 21", "amina.yusuf@botkyrka.se", "Kontaktcenter"),
        Person("Per Holm", "Bygglovsarkitekt", "08-530 612 77", "per.holm@botkyrka.se", "Bygglovsenheten"),
        Person("Petra Andersson", null, null, "petra.andersson@botkyrka.se", "Gatuenheten"),
    ];

    /// <summary>Automatic replies by address, as getMailTips tells them.</summary>
    public Dictionary<string, string> AutomaticReplies { get; } = new(StringComparer.OrdinalIgnoreCase);

    internal static JsonObject Person(string name, string? title, string? phone, string mail, string department) => new()
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
            // A request of a $batch, run here through the same routes, is recorded with the batch's, not as a direct call.
            (context.Request.Headers.ContainsKey(BatchStepHeader) ? BatchSteps : Requests).Enqueue(new GraphRequest(context.Request.Method, context.Request.Path.Value ?? "", Uri.UnescapeDataString(context.Request.QueryString.Value ?? ""),
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                body, DateTimeOffset.UtcNow, context.Request.QueryString.Value ?? ""));
            // Graph echoes the caller's client-request-id and names its own request-id on every answer.
            var clientRequestId = context.Request.Headers["client-request-id"].ToString();
            context.Response.Headers["request-id"] = Guid.NewGuid().ToString();
            if (clientRequestId.Length > 0) context.Response.Headers["client-request-id"] = clientRequestId;
            var authorization = context.Request.Headers.Authorization.ToString();
            if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal) || authorization.Length <= 7
                || AcceptToken is { } accept && !accept(authorization[7..]))
            {
                await Error(401, "InvalidAuthenticationToken", "Access token is empty or not valid.").ExecuteAsync(context);
                return;
            }
            if (Challenge?.Invoke(authorization[7..]) is { } claims)
            {
                context.Response.Headers.WWWAuthenticate =
                    $"Bearer realm=\"\", authorization_uri=\"https://login.microsoftonline.com/common/oauth2/authorize\", client_id=\"00000003-0000-0000-c000-000000000000\", error=\"insufficient_claims\", claims=\"{claims}\"";
                await Error(401, "InvalidAuthenticationToken", "Continuous access evaluation resulted in challenge with result: InteractionRequired and code: TokenIssuedBeforeRevocationTimestamp").ExecuteAsync(context);
                return;
            }
            // OData JSON: a property named twice in one object is invalid, and Graph's reader refuses the payload.
            if (body.Length > 0 && DuplicateProperty(body) is { } twice)
            {
                await Error(400, "BadRequest", $"Duplicate property named '{twice}' is not allowed.").ExecuteAsync(context);
                return;
            }
            var path = context.Request.Path.Value ?? "";
            if (path.Contains("/messages/", StringComparison.Ordinal))
            {
                if (DenyAccess)
                {
                    await Error(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.").ExecuteAsync(context);
                    return;
                }
                var id = Uri.UnescapeDataString(path.Split("/messages/")[1].Split('/')[0]);
                if (id.Contains('/', StringComparison.Ordinal) || id.Contains('+', StringComparison.Ordinal))
                {
                    await Error(400, "ErrorInvalidIdMalformed", "Id is malformed.").ExecuteAsync(context);
                    return;
                }
                if (context.Request.Method == "GET" && Redirects.TryGetValue(id, out var moved))
                {
                    context.Response.StatusCode = StatusCodes.Status307TemporaryRedirect;
                    context.Response.Headers.Location = $"{BaseUrl}{path.Replace(id, Uri.EscapeDataString(moved), StringComparison.Ordinal)}{context.Request.QueryString}";
                    return;
                }
                if (_sentAt.TryGetValue(id, out var sent) && DateTimeOffset.UtcNow - sent < InTransit)
                {
                    await NotFound().ExecuteAsync(context);
                    return;
                }
            }
            if (Hold is { } hold)
            {
                await hold(context);
                if (context.RequestAborted.IsCancellationRequested) return; // the caller gave up while held: nothing done
            }
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
        MapDirectReports();
        MapMailboxSettings();
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
        MapBatch();
        MapApplicationSends();
        // The SDK calls the function as "delta()"; the links Graph hands out say "delta".
        _app.MapGet("/v1.0/users/{mailbox}/mailFolders/{folder}/messages/delta()", (string mailbox, string folder, HttpContext context) =>
            Delta(mailbox, folder, context));
        _app.MapGet("/v1.0/users/{mailbox}/mailFolders/{folder}/messages/delta", (string mailbox, string folder, HttpContext context) =>
            Delta(mailbox, folder, context));

        // Master categories per mailbox, and the application's PATCH of a message in a watched mailbox.
        _app.MapGet("/v1.0/users/{mailbox}/outlook/masterCategories", (string mailbox) => Results.Json(new JsonObject
        {
            ["value"] = new JsonArray(MasterCategories.GetOrAdd(mailbox, _ => []).Select(c => (JsonNode)c.DeepClone()).ToArray()),
        }));
        _app.MapPost("/v1.0/users/{mailbox}/outlook/masterCategories", (string mailbox, JsonObject category) =>
        {
            var list = MasterCategories.GetOrAdd(mailbox, _ => []);
            var name = category["displayName"]?.GetValue<string>();
            if (name is null || list.Any(c => c["displayName"]?.GetValue<string>() == name))
                return Error(409, "ErrorDuplicateCategory", "A category with that name already exists.");
            var color = category["color"]?.GetValue<string>() ?? "";
            if (!System.Text.RegularExpressions.Regex.IsMatch(color, "^(none|preset([0-9]|1[0-9]|2[0-4]))$"))
                return Error(400, "ErrorInvalidArgument", "Invalid color.");
            lock (list) list.Add(new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["displayName"] = name, ["color"] = color });
            return Results.Json(category, statusCode: StatusCodes.Status201Created);
        });
        _app.MapMethods("/v1.0/users/{mailbox}/messages/{id}", ["PATCH"], (string mailbox, string id, JsonObject patch) =>
        {
            if (OutOfScope.ContainsKey(mailbox)) return OutOfScopeError();
            if (Find(id) is not { } message || !_mailboxOf.GetValueOrDefault(id, "").Equals(mailbox, StringComparison.OrdinalIgnoreCase))
                return NotFound();
            foreach (var (key, value) in patch) message[key] = value?.DeepClone();
            Touch(id);
            return Results.Json(message);
        });

        _app.MapGet("/v1.0/me/messages/{id}", (string id) =>
            ReadFailures.TryDequeue(out var failure) ? Error(failure, "ServiceUnavailable", "Service is temporarily unavailable.", RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture))
            : id.StartsWith("malformed", StringComparison.Ordinal) ? Error(400, "ErrorInvalidIdMalformed", "Id is malformed.")
            : Find(id) is { } message ? Results.Json(message) : NotFound());

        // A message's attachments, as Graph lists them: fileAttachments with name, isInline, size; $select as asked.
        _app.MapGet("/v1.0/me/messages/{id}/attachments", (string id, HttpContext context) =>
        {
            if (Find(id) is not { } message) return NotFound();
            var select = context.Request.Query["$select"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries);
            var value = new JsonArray();
            foreach (var attachment in (message["attachments"] as JsonArray ?? []).OfType<JsonObject>())
            {
                var shown = new JsonObject { ["@odata.type"] = "#microsoft.graph.fileAttachment", ["id"] = attachment["id"]?.DeepClone() ?? "AAMkATT" };
                foreach (var (key, v) in attachment)
                    if (select.Length == 0 || select.Contains(key, StringComparer.Ordinal)) shown[key] = v?.DeepClone();
                value.Add(shown);
            }
            return Results.Json(new JsonObject { ["value"] = value });
        });

        _app.MapPost("/v1.0/me/messages/{id}/createReply", async (string id, HttpContext context) =>
        {
            if (CreateReplyDelay > TimeSpan.Zero) await Task.Delay(CreateReplyDelay);
            return Find(id) is { } original ? await CreateReplyAsync(original, "me", context) : NotFound();
        });

        _app.MapPost("/v1.0/me/messages/{id}/send", (string id, HttpContext context) => SendAsync(id, context));

        _app.MapMethods("/v1.0/me/messages/{id}", ["PATCH"], (string id, JsonObject patch) =>
        {
            if (Find(id) is not { } message) return NotFound();
            foreach (var (key, value) in patch) message[key] = value?.DeepClone();
            return Results.Json(message);
        });

        _app.MapGet("/v1.0/me/mailFolders/sentitems/messages", (HttpContext context) =>
        {
            // $top is the page size (Graph's default is 10); the next page is linked, never to be rebuilt by the caller.
            var top = int.TryParse(context.Request.Query["$top"], out var t) ? Math.Clamp(t, 1, 1000) : 10;
            var skip = int.TryParse(context.Request.Query["$skip"], out var k) ? k : 0;
            var filter = context.Request.Query["$filter"].ToString();
            var conversation = filter.StartsWith("conversationId eq '", StringComparison.Ordinal) ? filter[19..^1].Replace("''", "'", StringComparison.Ordinal) : null;
            var all = _messages.Values.Where(m => m["sentDateTime"] is not null)
                .Where(m => conversation is null || m["conversationId"]?.GetValue<string>() == conversation)
                .OrderBy(m => m["id"]!.GetValue<string>(), StringComparer.Ordinal).ToList();
            var page = new JsonObject
            {
                ["@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#users('me')/mailFolders('sentitems')/messages(id,sentDateTime,toRecipients)",
                ["value"] = new JsonArray(all.Skip(skip).Take(top).Select(m => (JsonNode)new JsonObject
                {
                    ["@odata.etag"] = "W/\"CQAAABYAAACcx0/TODxQTJisegJjC7G3AAAB7Qlm\"",
                    ["id"] = m["id"]!.GetValue<string>(),
                    ["sentDateTime"] = m["sentDateTime"]!.GetValue<string>(),
                    ["toRecipients"] = m["toRecipients"]?.DeepClone() ?? new JsonArray(),
                }).ToArray()),
            };
            if (skip + top < all.Count)
                page["@odata.nextLink"] = $"{BaseUrl}/v1.0/me/mailFolders/sentitems/messages?%24filter={Uri.EscapeDataString(filter)}&%24select=id%2csentDateTime%2ctoRecipients&%24top={top}&%24skip={skip + top}";
            return Results.Json(page);
        });
    }

    private IResult Delta(string mailbox, string folder, HttpContext context)
    {
        if (OutOfScope.ContainsKey(mailbox)) return OutOfScopeError();
        var query = context.Request.Query;
        var token = query["$deltatoken"].ToString();
        var skip = query["$skiptoken"].ToString();
        if (ExpireDeltaTokensOnce && (token.Length > 0 || skip.Length > 0))
        {
            ExpireDeltaTokensOnce = false;
            return Error(410, "SyncStateNotFound", "The sync state generation is not found.");
        }
        if (FailNextPageOnce && skip.Length > 0)
        {
            FailNextPageOnce = false;
            return Error(503, "ServiceUnavailable", "Service is temporarily unavailable.");
        }
        var prefer = context.Request.Headers["Prefer"].ToString();
        var size = System.Text.RegularExpressions.Regex.Match(prefer, @"odata\.maxpagesize=(\d+)") is { Success: true } m ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 10;
        var after = long.TryParse(skip.Length > 0 ? skip : token, out var place) ? place : 0;
        var sent = folder.Equals("sentitems", StringComparison.OrdinalIgnoreCase);
        var changed = _messages.Values
            .Where(x => _mailboxOf.GetValueOrDefault(x["id"]!.GetValue<string>()) is { } owner && owner.Equals(mailbox, StringComparison.OrdinalIgnoreCase))
            .Where(x => (x["sentDateTime"] is not null) == sent && x["isDraft"]?.GetValue<bool>() != true)
            .Select(x => (Message: x, Version: _versions.GetValueOrDefault(x["id"]!.GetValue<string>())))
            .Where(x => x.Version > after).OrderBy(x => x.Version).ToList();
        // A message moved out (or deleted) is reported once as removed, as Graph does: only its id and "@removed".
        var removed = sent ? [] : _removed.Where(r => r.Value > after)
            .Select(r => (Message: new JsonObject { ["id"] = r.Key, ["@removed"] = new JsonObject { ["reason"] = "deleted" } }, Version: r.Value));
        changed = changed.Concat(removed).OrderBy(x => x.Version).ToList();
        var page = changed.Take(size).ToList();
        var last = page.Count > 0 ? page[^1].Version : after;
        var body = new JsonObject
        {
            ["@odata.context"] = $"https://graph.microsoft.com/v1.0/$metadata#Collection(message)",
            ["value"] = new JsonArray(page.Select(x => (JsonNode)x.Message.DeepClone()).ToArray()),
        };
        var next = $"{BaseUrl}/v1.0/users/{Uri.EscapeDataString(mailbox)}/mailFolders/{folder}/messages/delta?";
        if (changed.Count > size) body["@odata.nextLink"] = next + "$skiptoken=" + last;
        else body["@odata.deltaLink"] = next + "$deltatoken=" + last;
        return Results.Json(body);
    }

    private static IResult OutOfScopeError() =>
        Error(403, "ErrorAccessDenied", "Access to OData is disabled: [RAOP] : Blocked by tenant configured AppOnly AccessPolicy settings.");

    /// <summary>createReply as Exchange makes it, in <paramref name="mailbox"/>: the draft, its quote, its recipients.</summary>
    private async Task<IResult> CreateReplyAsync(JsonObject original, string mailbox, HttpContext context)
    {
        // The action's parameters are comment and message (any case, as the SDK writes them); nothing else.
        var request = context.Request.ContentLength is > 0 ? await JsonNode.ParseAsync(context.Request.Body) as JsonObject : new JsonObject();
        if (request is null || request.Any(p => !p.Key.Equals("comment", StringComparison.OrdinalIgnoreCase) && !p.Key.Equals("message", StringComparison.OrdinalIgnoreCase)))
            return Error(400, "RequestBodyRead", "The parameter in the request payload is not a valid parameter for the operation 'createReply'.");
        var comment = request.FirstOrDefault(p => p.Key.Equals("comment", StringComparison.OrdinalIgnoreCase)).Value?.GetValue<string>();
        var message = request.FirstOrDefault(p => p.Key.Equals("message", StringComparison.OrdinalIgnoreCase)).Value as JsonObject;
        if (comment is not null && message?["body"] is not null)
            return Error(400, "ErrorInvalidRequest", "Specify either a comment or the body property of the message parameter, not both.");
        // Exchange quotes the original below the comment; a body of the caller's own replaces the whole draft body.
        var quote = $"<hr><div><b>From:</b> {original["from"]?["emailAddress"]?["name"]}<br><b>Subject:</b> {original["subject"]}</div>{original["body"]?["content"]}";
        var body = message?["body"]?["content"]?.GetValue<string>() ?? (comment ?? "") + quote;
        var draftId = $"AAMkADraft{Interlocked.Increment(ref _drafts)}=";
        var draft = new JsonObject
        {
            ["id"] = draftId,
            ["subject"] = "SV: " + original["subject"],
            ["isDraft"] = true,
            ["conversationId"] = original["conversationId"]?.GetValue<string>(),
            ["receivedDateTime"] = original["receivedDateTime"]?.GetValue<string>(),
            ["body"] = new JsonObject { ["contentType"] = "html", ["content"] = body },
            ["toRecipients"] = message?["toRecipients"]?.DeepClone()
                               ?? new JsonArray(new JsonObject { ["emailAddress"] = original["from"]?["emailAddress"]?.DeepClone() }),
        };
        if (message?["subject"] is { } subject) draft["subject"] = subject.DeepClone();
        draft["internetMessageId"] = $"<{draftId.TrimEnd('=')}@botkyrka.se>";
        _messages[draftId] = draft;
        _mailboxOf[draftId] = mailbox;
        return Results.Json(draft, statusCode: StatusCodes.Status201Created);
    }

    /// <summary>send as Exchange does it: throttled or failing when told, once per draft, 202 with no body.</summary>
    private async Task<IResult> SendAsync(string id, HttpContext context)
    {
        if (SendDelay > TimeSpan.Zero)
        {
            try { await Task.Delay(SendDelay, context.RequestAborted); }
            catch (OperationCanceledException) { return Results.Empty; }
        }
        var retryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (SendAlwaysFails) return Error(503, "ServiceUnavailable", "Service is temporarily unavailable.", retryAfter);
        if (SendFailures.TryDequeue(out var status))
            return status == 429
                ? Error(429, "ApplicationThrottled", "Application is over its MailboxConcurrency limit.", retryAfter)
                : Error(status, "ServiceUnavailable", "Service is temporarily unavailable.");
        if (Find(id) is not { } draft) return NotFound();
        if (draft["isDraft"]?.GetValue<bool>() != true) return Error(400, "ErrorInvalidRequest", "The message has already been sent.");
        draft["isDraft"] = false;
        draft["sentDateTime"] = DateTimeOffset.UtcNow.ToString("o");
        _sentAt[id] = DateTimeOffset.UtcNow;
        Interlocked.Increment(ref _successfulSends);
        if (HoldSentAnswer is { } held) await held(context);
        return LoseSendAnswers ? Error(504, "GatewayTimeout", "The operation has timed out.") : Results.StatusCode(StatusCodes.Status202Accepted);
    }

    /// <summary>The first property named twice in one object of a JSON body, or null (also for a body that is no JSON).</summary>
    internal static string? DuplicateProperty(string body)
    {
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(body);
            return Twice(document.RootElement);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }

        static string? Twice(System.Text.Json.JsonElement element)
        {
            if (element.ValueKind == System.Text.Json.JsonValueKind.Array)
                return element.EnumerateArray().Select(Twice).FirstOrDefault(t => t is not null);
            if (element.ValueKind != System.Text.Json.JsonValueKind.Object) return null;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in element.EnumerateObject())
            {
                if (!seen.Add(property.Name)) return property.Name;
                if (Twice(property.Value) is { } inner) return inner;
            }
            return null;
        }
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
            var innerError = new JsonObject
            {
                ["date"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
                ["request-id"] = context.Response.Headers["request-id"].ToString(),
                ["client-request-id"] = context.Request.Headers["client-request-id"].ToString(),
            };
            return context.Response.WriteAsync(new JsonObject
            {
                ["error"] = new JsonObject { ["code"] = code, ["message"] = message, ["innerError"] = innerError },
            }.ToJsonString());
        }
    }

    public async ValueTask DisposeAsync()
    {
        _self.Dispose();
        await _app.DisposeAsync();
    }
}

/// <summary>
/// Microsoft.Identity.Web's header provider without Entra, behaving like MSAL's cache: a fixed token inside a request,
/// a long-running session that exists only once started (through this instance: a new instance is a restart with an
/// in-memory cache), and MSAL's own exception for a session key it does not know.
/// </summary>
public sealed class FakeTokens : IAuthorizationHeaderProvider
{
    public const string SessionKey = "obo-session-42";
    private readonly ConcurrentDictionary<string, bool> _sessions = new();
    public ConcurrentQueue<string?> SessionKeysUsed { get; } = new();
    private int _sessionsStarted;

    /// <summary>How many long-running sessions were started (each one a token exchange with Entra).</summary>
    public int SessionsStarted => _sessionsStarted;

    public Task<string> CreateAuthorizationHeaderForUserAsync(IEnumerable<string> scopes, AuthorizationHeaderProviderOptions? authorizationHeaderProviderOptions = null,
        ClaimsPrincipal? claimsPrincipal = null, CancellationToken cancellationToken = default)
    {
        UserScopes.Enqueue([.. scopes]);
        var acquire = authorizationHeaderProviderOptions?.AcquireTokenOptions;
        if (acquire?.LongRunningWebApiSessionKey == AcquireTokenOptions.LongRunningWebApiSessionKeyAuto)
        {
            acquire.LongRunningWebApiSessionKey = SessionKey;
            _sessions[SessionKey] = true;
            Interlocked.Increment(ref _sessionsStarted);
        }
        else
        {
            SessionKeysUsed.Enqueue(acquire?.LongRunningWebApiSessionKey);
            if (acquire?.LongRunningWebApiSessionKey is { } key && !_sessions.ContainsKey(key))
                throw new Microsoft.Identity.Client.MsalClientException(Microsoft.Identity.Client.MsalError.OboCacheKeyNotInCacheError,
                    "The token cache does not contain a token with an OBO cache key that matches the longRunningProcessSessionKey passed into ILongRunningWebApi.AcquireTokenInLongRunningProcess method.");
        }
        return Task.FromResult("Bearer fake-graph-token");
    }

    /// <summary>The application's own token (client credentials), as the watcher uses it.</summary>
    public Task<string> CreateAuthorizationHeaderForAppAsync(string scopes, AuthorizationHeaderProviderOptions? downstreamApiOptions = null,
        CancellationToken cancellationToken = default)
    {
        AppScopes.Enqueue(scopes);
        return Task.FromResult("Bearer " + AppToken);
    }

    /// <summary>The application token this source gives: another one per instance tells two instances' calls apart.</summary>
    public string AppToken { get; init; } = "fake-app-token";

    public ConcurrentQueue<string> AppScopes { get; } = new();

    /// <summary>The delegated scopes each user token was asked with.</summary>
    public ConcurrentQueue<string[]> UserScopes { get; } = new();

    public Task<string> CreateAuthorizationHeaderAsync(IEnumerable<string> scopes, AuthorizationHeaderProviderOptions? options = null,
        ClaimsPrincipal? claimsPrincipal = null, CancellationToken cancellationToken = default) =>
        CreateAuthorizationHeaderForUserAsync(scopes, options, claimsPrincipal, cancellationToken);
}
