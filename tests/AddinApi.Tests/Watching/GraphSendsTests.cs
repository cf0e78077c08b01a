using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kontaktlofte.AddinApi.Auth;
using Kontaktlofte.AddinApi.Organisation;
using Kontaktlofte.AddinApi.Tests.Mailbox.Graph;
using Kontaktlofte.AddinApi.Watching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Identity.Abstractions;

namespace Kontaktlofte.AddinApi.Tests.Watching;

/// <summary>
/// The hand-over, the automatic receipt and the digest against the fake Graph: the exact calls (createForward with a
/// comment; createReply, a PATCH of the RFC 3834 header as a PS_INTERNET_HEADERS property and send as the application in
/// the function mailbox; a new draft in the official's own mailbox), each sent once.
/// </summary>
[TestClass]
public sealed class GraphSendsTests
{
    private const string Bygglov = "bygglov@botkyrka.se";
    private const string Hanna = "handlaggare@sandbox.botkyrka.se";
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 9, 0, 0, TimeSpan.FromHours(1));

    private FakeGraph _graph = null!;
    private KontaktlofteFactory _api = null!;

    [TestInitialize]
    public async Task Start()
    {
        _graph = await FakeGraph.StartAsync();
        _api = new KontaktlofteFactory(now: Monday, settings: new()
        {
            ["Mailbox:Adapter"] = "Graph",
            ["Graph:BaseUrl"] = _graph.BaseUrl + "/v1.0",
            ["Graph:MaxRetries"] = "0",
            ["Watcher:FunctionMailboxes:0"] = Bygglov,
        }, services: s => s.Replace(ServiceDescriptor.Singleton<IAuthorizationHeaderProvider>(new FakeTokens())));
        _ = _api.CreateClient();
    }

    [TestCleanup]
    public async Task Stop()
    {
        await _api.DisposeAsync();
        await _graph.DisposeAsync();
    }

    private Task RoundAsync() => _api.Services.GetRequiredService<MailboxWatcher>().RoundAsync(CancellationToken.None);

    [TestMethod]
    public async Task A_hand_over_is_a_forward_with_a_comment_whose_internet_message_id_the_promise_follows()
    {
        _graph.AddMessage("AAMkCitizen1=", "Bygglov för carport", "<p>Behöver jag bygglov för en carport?</p>", Monday.AddHours(-1), "AAQkC1=",
            from: "karin.lund@example.se", fromName: "Karin Lund");
        var hanna = _api.SandboxOfficial(Hanna);

        var answer = await hanna.PostAsJsonAsync("/api/messages/AAMkCitizen1=/handover",
            new { to = new { name = "Per Holm", address = "per.holm@botkyrka.se" }, notifyCitizen = false });

        Assert.AreEqual(HttpStatusCode.Created, answer.StatusCode, await answer.Content.ReadAsStringAsync());
        var forward = _graph.Where("POST", "/messages/AAMkCitizen1=/createForward").Single();
        var body = new JsonObject(JsonNode.Parse(forward.Body)!.AsObject().Select(p => KeyValuePair.Create(p.Key.ToLowerInvariant(), p.Value?.DeepClone())));
        StringAssert.Contains(body["comment"]!.GetValue<string>(), "Du är nu kontaktperson");
        Assert.IsNull(body["message"], "a comment, so that Exchange keeps the original and its attachments below it");
        var draft = _graph.DraftsIn("me").Single();
        Assert.AreEqual("per.holm@botkyrka.se", draft["toRecipients"]![0]!["emailAddress"]!["address"]!.GetValue<string>());
        Assert.IsFalse(draft["isDraft"]!.GetValue<bool>(), "sent");
        Assert.HasCount(1, _graph.Where("POST", $"/messages/{draft["id"]}/send"));

        // The colleague's copy arrives in their (watched) mailbox with the same Internet message id, and takes the promise over.
        _graph.AddMessage("AAMkPerCopy=", "VB: Bygglov för carport", draft["body"]!["content"]!.GetValue<string>(), Monday, "AAQkP1=",
            from: Hanna, fromName: "Hanna Lindqvist", mailbox: "per.holm@botkyrka.se");
        _graph.Message("AAMkPerCopy=")["internetMessageId"] = draft["internetMessageId"]!.GetValue<string>();
        await using (var scope = _api.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AddinApi.Data.KontaktlofteDb>();
            db.Officials.Add(new Official { Email = "per.holm@botkyrka.se", Name = "Per Holm" });
            await db.SaveChangesAsync();
        }
        await RoundAsync();
        var per = _api.SandboxOfficial("per.holm@botkyrka.se");
        var item = (await per.GetFromJsonAsync<JsonElement>("/api/worklist")).GetProperty("items").EnumerateArray().Single();
        Assert.AreEqual("AAMkPerCopy=", item.GetProperty("messageId").GetString());
        Assert.AreEqual("2026-12-02", item.GetProperty("dueDate").GetString(), "Monday + two working days, as for Hanna");
        Assert.AreEqual("Hanna Lindqvist", item.GetProperty("handedOverBy").GetProperty("name").GetString());
    }

    [TestMethod]
    public async Task An_automatic_receipt_is_made_patched_with_Auto_Submitted_and_sent_by_the_application_in_the_function_mailbox()
    {
        var head = _api.ClientAs(Roles.Enhetschef, Roles.Handlaggare);
        head.DefaultRequestHeaders.Add(TestAuthHandler.EmailHeader, "enhetschef@sandbox.botkyrka.se");
        Assert.AreEqual(HttpStatusCode.OK, (await head.PutAsJsonAsync($"/api/mailboxes/{Bygglov}", new { watchers = new[] { Hanna }, automaticReceipt = true })).StatusCode);
        _graph.AddMessage("AAMkB1=", "Strandskydd", "<p>Hej! Får jag bygga en brygga vid sjön? Olle</p>", Monday.AddMinutes(5), "AAQkB1=",
            from: "olle.berg@example.se", fromName: "Olle Berg", mailbox: Bygglov);

        await RoundAsync();
        await RoundAsync();

        var draft = _graph.DraftsIn(Bygglov).Single();
        Assert.AreEqual("olle.berg@example.se", draft["toRecipients"]![0]!["emailAddress"]!["address"]!.GetValue<string>());
        Assert.AreEqual("auto-replied", _graph.HeadersOf(draft["id"]!.GetValue<string>())["Auto-Submitted"]);
        Assert.HasCount(1, _graph.Where("POST", "/users/bygglov@botkyrka.se/messages/AAMkB1=/createReply"));
        Assert.HasCount(1, _graph.Where("POST", $"/users/bygglov@botkyrka.se/messages/{draft["id"]}/send"));
        Assert.IsFalse(draft["isDraft"]!.GetValue<bool>());
    }

    [TestMethod]
    public async Task The_digest_is_a_new_draft_in_the_officials_own_mailbox_sent_to_them()
    {
        _graph.AddMessage("AAMkOld=", "Fråga från förra veckan", "<p>Hej! När töms soptunnorna? Karin</p>", Monday.AddDays(-7), "AAQkO=",
            from: "karin.lund@example.se", fromName: "Karin Lund", mailbox: Bygglov);
        await RoundAsync();
        Assert.AreEqual(HttpStatusCode.OK, (await _api.SandboxOfficial(Hanna).GetAsync("/api/me")).StatusCode);
        var head = _api.ClientAs(Roles.Enhetschef, Roles.Handlaggare);
        head.DefaultRequestHeaders.Add(TestAuthHandler.EmailHeader, "enhetschef@sandbox.botkyrka.se");
        await head.PutAsJsonAsync($"/api/mailboxes/{Bygglov}", new { watchers = new[] { Hanna }, automaticReceipt = false });

        Assert.AreEqual(1, await _api.Services.GetRequiredService<MailboxWatcher>().DigestsAsync(CancellationToken.None));

        var draft = _graph.DraftsIn(Hanna).Single();
        Assert.AreEqual(Hanna, draft["toRecipients"]![0]!["emailAddress"]!["address"]!.GetValue<string>());
        Assert.AreEqual("auto-generated", _graph.HeadersOf(draft["id"]!.GetValue<string>())["Auto-Submitted"]);
        StringAssert.Contains(draft["body"]!["content"]!.GetValue<string>(), "Fråga från förra veckan");
        Assert.IsFalse(draft["isDraft"]!.GetValue<bool>(), "sent");
    }

    [TestMethod]
    [DataRow("{\"subject\":\"a\",\"subject\":null}", "subject")]
    [DataRow("{\"toRecipients\":[{\"emailAddress\":{\"name\":null,\"address\":\"a@b.se\",\"name\":null}}]}", "name")]
    [DataRow("{\"subject\":\"a\",\"body\":{\"subject\":\"b\"}}", null)]
    [DataRow("inte json", null)]
    public void The_fake_refuses_a_property_named_twice_as_Graphs_OData_reader_does(string body, string? twice) =>
        Assert.AreEqual(twice, FakeGraph.DuplicateProperty(body));

    [TestMethod]
    public async Task Graph_refuses_a_non_x_header_on_create_which_is_why_the_product_uses_the_property()
    {
        using var client = new HttpClient { BaseAddress = new Uri(_graph.BaseUrl) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", "any");
        var refused = await client.PostAsJsonAsync($"/v1.0/users/{Bygglov}/messages",
            new { subject = "x", internetMessageHeaders = new[] { new { name = "Auto-Submitted", value = "auto-replied" } } });
        Assert.AreEqual(HttpStatusCode.BadRequest, refused.StatusCode);
        var allowed = await client.PostAsJsonAsync($"/v1.0/users/{Bygglov}/messages",
            new { subject = "x", internetMessageHeaders = new[] { new { name = "X-Kontaktlofte", value = "1" } } });
        Assert.AreEqual(HttpStatusCode.Created, allowed.StatusCode);
    }
}
