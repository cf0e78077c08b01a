using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kontaktlofte.AddinApi.Watching;
using Microsoft.Extensions.DependencyInjection;

namespace Kontaktlofte.AddinApi.Tests.Watching;

/// <summary>
/// The official's own mailbox is watched from their first sign-in, and they may opt out in the pane
/// (<c>PUT /api/me/watching</c>): then only mail they open there is tracked.
/// </summary>
[TestClass]
public sealed class OwnMailboxChoiceTests
{
    private static readonly DateTimeOffset Wednesday = new(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(1));

    private static async Task<string> PostMailAsync(HttpClient client, string subject)
    {
        var posted = await client.PostAsJsonAsync("/api/sandbox/messages", new
        {
            from = new { name = "Karin Lund", address = "karin.lund@example.se" }, subject, bodyText = "Hej! När töms soptunnorna på Storvretsvägen? Karin",
        });
        return (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private static async Task<bool> InWorklistAsync(HttpClient client, string id) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/worklist")).GetProperty("items").EnumerateArray()
        .Any(i => i.GetProperty("messageId").GetString() == id);

    [TestMethod]
    public async Task An_official_who_opts_out_is_not_watched_until_they_opt_in_again()
    {
        await using var api = new KontaktlofteFactory(now: Wednesday);
        var hanna = api.SandboxOfficial("handlaggare@sandbox.botkyrka.se");
        var watcher = api.Services.GetRequiredService<MailboxWatcher>();
        Assert.IsTrue((await hanna.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("watchOwnMailbox").GetBoolean(), "watched by default");

        var off = await hanna.PutAsJsonAsync("/api/me/watching", new { watched = false });
        Assert.AreEqual(HttpStatusCode.OK, off.StatusCode);
        Assert.IsFalse((await off.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("watched").GetBoolean());
        Assert.IsFalse((await hanna.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("watchOwnMailbox").GetBoolean(), "the choice is kept");

        var unseen = await PostMailAsync(hanna, "Sophämtning");
        await watcher.RoundAsync(CancellationToken.None);
        Assert.IsFalse(await InWorklistAsync(hanna, unseen), "her Inbox is not followed");
        // Her function mailboxes still are: the choice is about her own mailbox only.
        var functional = await hanna.PostAsJsonAsync("/api/sandbox/messages", new
        {
            from = new { address = "olle@example.se" }, subject = "Strandskydd", bodyText = "Hej! Får jag bygga en brygga? Olle", mailbox = "bygglov@sandbox.botkyrka.se",
        });
        var functionalId = (await functional.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        await watcher.RoundAsync(CancellationToken.None);
        Assert.IsTrue(await InWorklistAsync(hanna, functionalId));

        Assert.AreEqual(HttpStatusCode.OK, (await hanna.PutAsJsonAsync("/api/me/watching", new { watched = true })).StatusCode);
        await watcher.RoundAsync(CancellationToken.None);
        Assert.IsTrue(await InWorklistAsync(hanna, unseen), "back on: the round catches up from where the feed stood");
    }

    [TestMethod]
    public async Task A_choice_without_watched_is_a_400_in_Swedish()
    {
        await using var api = new KontaktlofteFactory(now: Wednesday);
        var hanna = api.SandboxOfficial("handlaggare@sandbox.botkyrka.se");
        foreach (var body in new object[] { new { }, new { watched = (bool?)null } })
        {
            var answer = await hanna.PutAsJsonAsync("/api/me/watching", body);
            Assert.AreEqual(HttpStatusCode.BadRequest, answer.StatusCode);
            StringAssert.Contains(await answer.Content.ReadAsStringAsync(), "Ange watched");
        }
        var text = await hanna.PutAsync("/api/me/watching", new StringContent("\"ja\"", System.Text.Encoding.UTF8, "application/json"));
        Assert.AreEqual(HttpStatusCode.BadRequest, text.StatusCode);
    }
}
