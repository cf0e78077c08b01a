using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Kontaktlofte.AddinApi.Tests.Mailbox.Graph;

/// <summary>
/// JSON batching as Graph does it (learn.microsoft.com/graph/json-batching): <c>POST /v1.0/$batch</c> with a JSON body
/// of <c>requests</c>, at most 20, each with an id unique in the batch, a method, a URL relative to the version and — when
/// it has a body — a Content-Type header; anything else refuses the whole batch with 400. Each request runs as the same
/// call made directly (through this fake's own routes, with the batch's token) and its own status, headers and body come
/// back in <c>responses</c>, in no promised order (here: the reverse), inside an outer 200 — also when one is throttled.
/// </summary>
public sealed partial class FakeGraph
{
    public const int BatchLimit = 20;
    private const string BatchStepHeader = "X-Fake-Graph-Batch-Step";
    private readonly HttpClient _self = new();

    /// <summary>The requests that came inside batches, as each ran.</summary>
    public ConcurrentQueue<GraphRequest> BatchSteps { get; } = new();

    /// <summary>
    /// Messages whose next requests inside a batch answer 429 with Retry-After (<see cref="RetryAfterSeconds"/>): how many
    /// times each (1: once, then it goes through).
    /// </summary>
    public ConcurrentDictionary<string, int> ThrottleInBatch { get; } = new();

    /// <summary>How many <c>$batch</c> requests came.</summary>
    public int BatchRequests => Requests.Count(r => r.Method == "POST" && r.Path == "/v1.0/$batch");

    private void MapBatch() => _app.MapPost("/v1.0/$batch", (Delegate)BatchAsync);

    private async Task<IResult> BatchAsync(HttpContext context)
    {
        if (!context.Request.HasJsonContentType()) return Error(400, "BadRequest", "Invalid content type: the batch must be application/json.");
        JsonObject? batch;
        try
        {
            batch = await JsonNode.ParseAsync(context.Request.Body) as JsonObject;
        }
        catch (JsonException)
        {
            batch = null;
        }
        if (batch?["requests"] is not JsonArray requests || requests.Count == 0) return Error(400, "BadRequest", "Invalid batch payload format.");
        if (requests.Count > BatchLimit) return Error(400, "BadRequest", $"Too many requests in the batch: the limit is {BatchLimit}.");
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in requests)
        {
            if (node is not JsonObject step || Text(step, "id") is not { } id || Text(step, "method") is null || Text(step, "url") is not { } url)
                return Error(400, "BadRequest", "Invalid batch payload format: every request needs an id, a method and a url.");
            if (!ids.Add(id)) return Error(400, "BadRequest", $"Request id '{id}' is used twice in the batch.");
            if (Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme.StartsWith("http", StringComparison.Ordinal))
                return Error(400, "BadRequest", $"Invalid request URL '{url}': it must be relative to the version.");
            if (step["body"] is not null && HeaderOf(step, "Content-Type") is null)
                return Error(400, "BadRequest", $"Write request id : {id} does not contain Content-Type header or body.");
        }
        var responses = new List<JsonNode>();
        foreach (var step in requests.Cast<JsonObject>())
            responses.Add(await RunAsync(step, context.Request.Headers.Authorization.ToString(), context.RequestAborted));
        responses.Reverse();
        return Results.Json(new JsonObject { ["responses"] = new JsonArray([.. responses]) });
    }

    /// <summary>One request of a batch, answered as Graph answers it inside the batch.</summary>
    private async Task<JsonObject> RunAsync(JsonObject step, string authorization, CancellationToken cancel)
    {
        var id = Text(step, "id")!;
        var url = Text(step, "url")!;
        var messageId = url.Contains("/messages/", StringComparison.Ordinal) ? url.Split("/messages/")[1].Split('/', '?')[0] : null;
        if (messageId is not null && ThrottleInBatch.TryGetValue(messageId, out var times) && times > 0
            && ThrottleInBatch.TryUpdate(messageId, times - 1, times))
            return new JsonObject
            {
                ["id"] = id,
                ["status"] = 429,
                ["headers"] = new JsonObject { ["Retry-After"] = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Content-Type"] = "application/json" },
                ["body"] = new JsonObject { ["error"] = new JsonObject { ["code"] = "ApplicationThrottled", ["message"] = "Application is over its MailboxConcurrency limit." } },
            };

        using var request = new HttpRequestMessage(new HttpMethod(Text(step, "method")!), $"{BaseUrl}/v1.0/{url.TrimStart('/')}");
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        request.Headers.TryAddWithoutValidation(BatchStepHeader, id);
        if (step["body"] is { } body)
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, HeaderOf(step, "Content-Type")!.Split(';')[0].Trim());
        foreach (var (name, value) in step["headers"] as JsonObject ?? [])
            if (!name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)) request.Headers.TryAddWithoutValidation(name, value?.ToString());
        using var response = await _self.SendAsync(request, cancel);
        var headers = new JsonObject();
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
            headers[name] = string.Join(", ", values);
        var text = await response.Content.ReadAsStringAsync(cancel);
        return new JsonObject
        {
            ["id"] = id,
            ["status"] = (int)response.StatusCode,
            ["headers"] = headers,
            ["body"] = text.Length > 0 ? JsonNode.Parse(text) : null,
        };
    }

    private static string? Text(JsonObject step, string name) =>
        step[name] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;

    private static string? HeaderOf(JsonObject step, string name) =>
        (step["headers"] as JsonObject)?.FirstOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value?.ToString();
}
