using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Kontaktlofte.AddinApi.Registry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Kontaktlofte.AddinApi.Tests.Registry.Lex;

/// <summary>One request as the fake Lex received it.</summary>
public sealed record LexRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public JsonNode? Json => Body.Length == 0 ? null : JsonNode.Parse(Body);
}

/// <summary>How the fake Lex is away.</summary>
public enum LexDown { No, Unavailable, DropConnection, Hang, BadBody, BadCaseNumber }

/// <summary>
/// A stand-in for Lex's integration layer on loopback, implementing the contract (README, Swagger "lex") as strictly as a
/// real one: 401 without the API key, 400 without a GUID Idempotency-Key or with a body the contract does not allow,
/// 404 for an unknown case, 422 for an unknown series, the same key or mail again → 200 with the same numbers (never a
/// second document), numbering of its own per series and year. Can be told to be down (503 with Retry-After), to drop
/// the connection, to hang, or to answer 201 with a body that is no answer. Records every request.
/// </summary>
public sealed class FakeLex : IAsyncDisposable
{
    public const string ApiKey = "lex-hemlig-nyckel";
    public const string PathBase = "/lex/v1";
    private readonly WebApplication _app;
    private readonly object _gate = new();
    private readonly Dictionary<string, JsonObject> _byKey = [];
    private readonly Dictionary<string, JsonObject> _byMessage = [];
    private readonly Dictionary<(string Series, int Year), int> _sequences = [];

    public ConcurrentQueue<LexRequest> Requests { get; } = new();
    /// <summary>The cases Lex holds, by number, with their documents' internetMessageIds.</summary>
    public ConcurrentDictionary<CaseNumber, List<string>> Cases { get; } = new();
    public string[] Series { get; set; } = ["KS", "SBF", "SOF"];
    public LexDown Down { get; set; }
    public string RetryAfter { get; set; } = "120";
    public string BaseUrl { get; private set; } = "";
    public int Year { get; set; } = 2026;

    private FakeLex(WebApplication app) => _app = app;

    public static async Task<FakeLex> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeLex(app);
        fake.Map();
        await app.StartAsync();
        var address = app.Services.GetService(typeof(IServer)) is IServer server
            ? server.Features.Get<IServerAddressesFeature>()!.Addresses.First() : throw new InvalidOperationException();
        fake.BaseUrl = address + PathBase;
        return fake;
    }

    public int Documents => Cases.Values.Sum(d => d.Count);

    /// <summary>A case Lex already holds.</summary>
    public void AddCase(CaseNumber number) => Cases[number] = [];

    private void Map()
    {
        _app.Use(async (context, next) =>
        {
            context.Request.EnableBuffering();
            var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
            context.Request.Body.Position = 0;
            Requests.Enqueue(new LexRequest(context.Request.Method, context.Request.Path.Value ?? "",
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), body));
            if (context.Request.Headers["X-Api-Key"].ToString() != ApiKey)
            {
                await Problem(401, "API-nyckel saknas eller är fel.").ExecuteAsync(context);
                return;
            }
            switch (Down)
            {
                case LexDown.Unavailable:
                    context.Response.Headers.RetryAfter = RetryAfter;
                    await Problem(503, "Lex underhålls.").ExecuteAsync(context);
                    return;
                case LexDown.DropConnection:
                    context.Abort();
                    return;
                case LexDown.Hang:
                    try { await Task.Delay(TimeSpan.FromMinutes(1), context.RequestAborted); }
                    catch (OperationCanceledException) { }
                    return;
            }
            await next(context);
        });
        var lex = _app.MapGroup(PathBase);
        lex.MapPost("/registrations", async Task<IResult> (HttpContext context) => Register(context, await new StreamReader(context.Request.Body).ReadToEndAsync()));
        lex.MapGet("/cases/{caseNumber}", (string caseNumber) =>
            CaseNumber.TryParse(Uri.UnescapeDataString(caseNumber), out var number, out _) && Cases.ContainsKey(number.Value)
                ? Results.Json(new JsonObject { ["caseNumber"] = number.Value.Format(5) })
                : Problem(404, $"Ärendet {caseNumber} finns inte."));
    }

    private IResult Register(HttpContext context, string json)
    {
        if (!Guid.TryParse(context.Request.Headers["Idempotency-Key"].ToString(), out var key))
            return Problem(400, "Idempotency-Key saknas eller är inget GUID.");
        JsonObject body;
        try
        {
            body = JsonNode.Parse(json) as JsonObject ?? throw new FormatException("no object");
        }
        catch (Exception error) when (error is System.Text.Json.JsonException or FormatException)
        {
            return Problem(400, "Kroppen är ingen JSON-registrering.");
        }
        if (BadRequest(body) is { } bad) return Problem(400, bad);
        if (Down == LexDown.BadBody) return Results.Text("<html>Internt fel</html>", "application/json", statusCode: 201);
        if (Down == LexDown.BadCaseNumber)
            return Results.Json(new JsonObject { ["caseNumber"] = "Ärende 17", ["documentNumber"] = 1, ["registeredAt"] = "2026-11-30T09:00:00+01:00" }, statusCode: 201);
        lock (_gate)
        {
            var internetMessageId = body["internetMessageId"]!.GetValue<string>();
            if (_byKey.TryGetValue(key.ToString(), out var again) || _byMessage.TryGetValue(internetMessageId, out again))
                return Results.Json(again, statusCode: 200);
            CaseNumber number;
            if (body["caseNumber"]?.GetValue<string>() is { } text)
            {
                if (!CaseNumber.TryParse(text, out var existing, out _) || !Cases.ContainsKey(existing.Value))
                    return Problem(404, $"Ärendet {text} finns inte i diariet.");
                number = existing.Value;
            }
            else
            {
                var series = body["newCase"]!["series"]!.GetValue<string>();
                if (!Series.Contains(series)) return Problem(422, $"Diarieserien {series} finns inte i Lex.");
                var sequence = _sequences[(series, Year)] = _sequences.GetValueOrDefault((series, Year)) + 1;
                number = new CaseNumber(series, Year, sequence);
                Cases[number] = [];
            }
            var documents = Cases[number];
            documents.Add(internetMessageId);
            var answer = new JsonObject
            {
                ["caseNumber"] = number.Format(5),
                ["documentNumber"] = documents.Count,
                ["registeredAt"] = new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.FromHours(1)).ToString("o", CultureInfo.InvariantCulture),
            };
            _byKey[key.ToString()] = answer;
            _byMessage[internetMessageId] = answer;
            return Results.Json(answer, statusCode: 201);
        }
    }

    /// <summary>What the contract does not allow in a body, or null.</summary>
    private static string? BadRequest(JsonObject body)
    {
        string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
        if (string.IsNullOrWhiteSpace(Text(body["internetMessageId"]))) return "internetMessageId saknas.";
        if (Text(body["direction"]) is not ("incoming" or "outgoing" or "internal")) return "direction ska vara incoming, outgoing eller internal.";
        if (string.IsNullOrWhiteSpace(Text(body["documentType"]))) return "documentType saknas.";
        if (string.IsNullOrWhiteSpace(Text(body["registeredBy"]))) return "registeredBy saknas.";
        if ((body["caseNumber"] is null) == (body["newCase"] is null)) return "Ange antingen caseNumber eller newCase.";
        if (body["newCase"] is JsonObject open && (Text(open["series"]) is null || Text(open["title"]) is null)) return "newCase ska ha series och title.";
        if (body["entry"] is not JsonObject entry || Text(entry["title"]) is null || !DateTimeOffset.TryParse(Text(entry["date"]), CultureInfo.InvariantCulture, out _)
            || entry["attachments"] is not JsonArray)
            return "entry ska ha title, date och attachments.";
        if (body["secrecyGround"] is null && (entry["partyKeptApart"] is not null || entry["titleKeptApart"] is not null))
            return "Delar hålls bara isär för en hemlig handling (secrecyGround).";
        return null;
    }

    private static IResult Problem(int status, string detail) =>
        Results.Json(new JsonObject { ["type"] = "about:blank", ["title"] = "Lex", ["status"] = status, ["detail"] = detail },
            contentType: "application/problem+json", statusCode: status);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
