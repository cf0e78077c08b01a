using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kontaktlofte.AddinApi.Acknowledgements;
using Kontaktlofte.AddinApi.Data;
using Kontaktlofte.AddinApi.Graph;
using Kontaktlofte.AddinApi.Promises;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kontaktlofte.AddinApi.Tests.Mailbox;

/// <summary>
/// The pane on a mail in a function (shared) mailbox: <c>?mailbox=</c> names it, the promise is tracked in it and the
/// receipt is sent from it, for the officials who may use it only (Exchange: Full Access; the sandbox: its watchers).
/// </summary>
[TestClass]
public sealed class FunctionMailboxTests
{
    private static readonly DateTimeOffset Wednesday = new(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(1));
    private const string Bygglov = "bygglov@sandbox.botkyrka.se";

    private static async Task<string> PostToBygglovAsync(HttpClient client)
    {
        var posted = await client.PostAsJsonAsync("/api/sandbox/messages", new
        {
            from = new { name = "Olle Berg", address = "olle.berg@example.se" }, subject = "Brygga", bodyText = "Hej! Får jag bygga en brygga vid sjön? Olle",
            mailbox = Bygglov,
        });
        return (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    [TestMethod]
    public async Task A_watcher_acknowledges_from_the_function_mailbox_and_the_promise_is_the_mailboxs()
    {
        await using var api = new KontaktlofteFactory(now: Wednesday);
        var hanna = api.SandboxOfficial("handlaggare@sandbox.botkyrka.se");
        var id = await PostToBygglovAsync(hanna);

        var promise = await hanna.GetAsync($"/api/messages/{id}/promise?mailbox={Bygglov}");
        Assert.AreEqual(HttpStatusCode.OK, promise.StatusCode);
        var sent = await hanna.PostOnceAsync($"/api/messages/{id}/acknowledgement?mailbox={Bygglov}", new { }, Guid.NewGuid().ToString());
        Assert.AreEqual(HttpStatusCode.Created, sent.StatusCode, await sent.Content.ReadAsStringAsync());
        var ack = await sent.Content.ReadFromJsonAsync<JsonElement>();
        Assert.AreEqual("sent", ack.GetProperty("status").GetString());
        Assert.AreEqual("Hanna Lindqvist", ack.GetProperty("contactPerson").GetProperty("name").GetString(), "the official is named as contact person");

        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KontaktlofteDb>();
        Assert.AreEqual(Bygglov, (await db.Messages.SingleAsync(m => m.Id == id)).Mailbox, "tracked as the function mailbox's mail");
        var recorded = await db.Acknowledgements.SingleAsync(a => a.MessageId == id);
        Assert.AreEqual(Bygglov, recorded.Mailbox, "made and sent in the function mailbox");
        Assert.AreEqual("handlaggare@sandbox.botkyrka.se", recorded.CreatedBy);
        var receipt = (await hanna.GetFromJsonAsync<List<JsonElement>>("/api/sandbox/sent"))!.Single(s => s.GetProperty("inReplyTo").GetString() == id);
        Assert.AreEqual("olle.berg@example.se", receipt.GetProperty("to").GetString());
    }

    [TestMethod]
    public async Task Someone_without_access_gets_403_and_a_bad_address_400()
    {
        await using var api = new KontaktlofteFactory(now: Wednesday);
        var hanna = api.SandboxOfficial("handlaggare@sandbox.botkyrka.se");
        var id = await PostToBygglovAsync(hanna);
        var rasmus = api.SandboxOfficial("registrator@sandbox.botkyrka.se");

        Assert.AreEqual(HttpStatusCode.Forbidden, (await rasmus.GetAsync($"/api/messages/{id}/promise?mailbox={Bygglov}")).StatusCode);
        Assert.AreEqual(HttpStatusCode.Forbidden,
            (await rasmus.PostOnceAsync($"/api/messages/{id}/acknowledgement?mailbox={Bygglov}", new { }, "k1")).StatusCode);
        var bad = await hanna.GetAsync($"/api/messages/{id}/promise?mailbox=bygglov");
        Assert.AreEqual(HttpStatusCode.BadRequest, bad.StatusCode);
        StringAssert.Contains(await bad.Content.ReadAsStringAsync(), "funktionsbrevlådans e-postadress");
        // A message of another mailbox is not found through this one (Graph: /users/{address}/messages/{id}).
        var own = await hanna.PostAsJsonAsync("/api/sandbox/messages", new { from = new { address = "a@example.se" }, subject = "Hej", bodyText = "Fråga?" });
        var ownId = (await own.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        Assert.AreEqual(HttpStatusCode.NotFound, (await hanna.GetAsync($"/api/messages/{ownId}/promise?mailbox={Bygglov}")).StatusCode);
    }

    [TestMethod]
    [DataRow("https://graph.microsoft.com/v1.0/me/messages/AAMk%3D?$select=id", "https://graph.microsoft.com/v1.0/users/bygglov@botkyrka.se/messages/AAMk%3D?$select=id")]
    [DataRow("https://graph.microsoft.com/v1.0/me/mailFolders/sentitems/messages?$top=50", "https://graph.microsoft.com/v1.0/users/bygglov@botkyrka.se/mailFolders/sentitems/messages?$top=50")]
    [DataRow("https://graph.microsoft.com/v1.0/users/bygglov@botkyrka.se/messages?$skip=50", "https://graph.microsoft.com/v1.0/users/bygglov@botkyrka.se/messages?$skip=50")]
    [DataRow("https://graph.microsoft.com/v1.0/me", "https://graph.microsoft.com/v1.0/me")]
    public async Task In_a_function_mailbox_Graph_calls_go_to_its_users_path(string asked, string sent)
    {
        var seen = new List<Uri>();
        using var client = new HttpClient(new SharedMailboxHandler("bygglov@botkyrka.se") { InnerHandler = new Recording(seen) });
        using var _ = await client.GetAsync(asked);
        Assert.AreEqual(sent, seen.Single().AbsoluteUri);
    }

    private sealed class Recording(List<Uri> seen) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            seen.Add(request.RequestUri!);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
        }
    }
}
