using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Kontaktlofte.AddinApi.Tests.Mailbox.Graph;

/// <summary>The fake Graph's <c>$batch</c> holds the adapter to Graph's rules: if it took what Graph refuses, a test would pass that production fails.</summary>
[TestClass]
public sealed class FakeGraphBatchTests
{
    private const string Mailbox = "bygglov@botkyrka.se";
    private FakeGraph _graph = null!;
    private HttpClient _client = null!;

    [TestInitialize]
    public async Task Start()
    {
        _graph = await FakeGraph.StartAsync();
        _client = new HttpClient { BaseAddress = new Uri(_graph.BaseUrl) };
        for (var i = 0; i < 21; i++)
            _graph.AddMessage($"AAMk{i:00}=", "Fråga", "<p>Hej</p>", DateTimeOffset.UtcNow, $"AAQk{i:00}=", mailbox: Mailbox);
    }

    [TestCleanup]
    public async Task Stop()
    {
        _client.Dispose();
        await _graph.DisposeAsync();
    }

    private static JsonObject Patch(string id, string messageId) => new()
    {
        ["id"] = id,
        ["method"] = "PATCH",
        ["url"] = $"/users/{Mailbox}/messages/{messageId}",
        ["headers"] = new JsonObject { ["Content-Type"] = "application/json" },
        ["body"] = new JsonObject { ["categories"] = new JsonArray("Kontaktlöfte: öppet") },
    };

    private async Task<(HttpStatusCode Status, JsonNode? Body)> PostAsync(IEnumerable<JsonObject> requests, string? token = "fake-app-token")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1.0/$batch")
        {
            Content = new StringContent(new JsonObject { ["requests"] = new JsonArray([.. requests]) }.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await _client.SendAsync(request);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync()));
    }

    [TestMethod]
    public async Task Twenty_one_requests_in_one_batch_are_refused_and_twenty_are_run_each_with_its_own_answer()
    {
        var (refused, error) = await PostAsync(Enumerable.Range(0, 21).Select(i => Patch($"{i + 1}", $"AAMk{i:00}=")));
        var (taken, answer) = await PostAsync(Enumerable.Range(0, 20).Select(i => Patch($"{i + 1}", $"AAMk{i:00}=")));

        Assert.AreEqual(HttpStatusCode.BadRequest, refused);
        Assert.AreEqual("BadRequest", error!["error"]!["code"]!.GetValue<string>());
        Assert.IsEmpty(_graph.Message("AAMk20=")["categories"]!.AsArray(), "a refused batch runs nothing");
        Assert.AreEqual(HttpStatusCode.OK, taken);
        var responses = answer!["responses"]!.AsArray();
        CollectionAssert.AreEquivalent(Enumerable.Range(1, 20).Select(i => $"{i}").ToArray(), responses.Select(r => r!["id"]!.GetValue<string>()).ToArray());
        Assert.IsTrue(responses.All(r => r!["status"]!.GetValue<int>() == 200 && r["body"]!["categories"]![0]!.GetValue<string>() == "Kontaktlöfte: öppet"));
        Assert.AreEqual(2, _graph.BatchRequests);
        Assert.HasCount(20, _graph.BatchSteps);
    }

    [TestMethod]
    public async Task A_batch_Graph_would_refuse_is_refused_whole()
    {
        var duplicate = await PostAsync([Patch("1", "AAMk00="), Patch("1", "AAMk01=")]);
        var absolute = Patch("1", "AAMk00=");
        absolute["url"] = $"https://graph.microsoft.com/v1.0/users/{Mailbox}/messages/AAMk00=";
        var withAbsoluteUrl = await PostAsync([absolute]);
        var untyped = Patch("1", "AAMk00=");
        untyped.Remove("headers");
        var bodyWithoutContentType = await PostAsync([untyped]);
        var withoutToken = await PostAsync([Patch("1", "AAMk00=")], token: null);

        Assert.AreEqual(HttpStatusCode.BadRequest, duplicate.Status);
        Assert.AreEqual(HttpStatusCode.BadRequest, withAbsoluteUrl.Status);
        Assert.AreEqual(HttpStatusCode.BadRequest, bodyWithoutContentType.Status);
        Assert.AreEqual(HttpStatusCode.Unauthorized, withoutToken.Status);
        Assert.IsEmpty(_graph.BatchSteps);
    }

    [TestMethod]
    public async Task Inside_a_batch_each_request_has_its_own_status_a_missing_message_404_and_a_chosen_one_429_once()
    {
        _graph.ThrottleInBatch["AAMk01="] = 1;
        _graph.RetryAfterSeconds = 7;

        var (status, answer) = await PostAsync([Patch("1", "AAMk00="), Patch("2", "AAMk01="), Patch("3", "AAMkGone=")]);
        var (_, again) = await PostAsync([Patch("2", "AAMk01=")]);

        Assert.AreEqual(HttpStatusCode.OK, status, "the batch itself succeeds");
        var byId = answer!["responses"]!.AsArray().ToDictionary(r => r!["id"]!.GetValue<string>(), r => r!);
        Assert.AreEqual(200, byId["1"]["status"]!.GetValue<int>());
        Assert.AreEqual(429, byId["2"]["status"]!.GetValue<int>());
        Assert.AreEqual("7", byId["2"]["headers"]!["Retry-After"]!.GetValue<string>());
        Assert.AreEqual(404, byId["3"]["status"]!.GetValue<int>());
        Assert.AreEqual("ErrorItemNotFound", byId["3"]["body"]!["error"]!["code"]!.GetValue<string>());
        Assert.AreEqual(200, again!["responses"]![0]!["status"]!.GetValue<int>(), "throttled once only");
    }
}
