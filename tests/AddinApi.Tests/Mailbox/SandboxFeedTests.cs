using System.Net.Http.Json;
using System.Text.Json;
using Kontaktlofte.AddinApi.Mailbox;
using Microsoft.Extensions.DependencyInjection;

namespace Kontaktlofte.AddinApi.Tests.Mailbox;

/// <summary>The sandbox's feed writes categories as Graph's batch does: what it wrote comes back, a message not in the mailbox does not.</summary>
[TestClass]
public sealed class SandboxFeedTests
{
    private const string Bygglov = "bygglov@sandbox.botkyrka.se";

    [TestMethod]
    public async Task Categories_are_written_for_the_mailboxs_own_messages_and_a_missing_one_is_left_out()
    {
        await using var api = new KontaktlofteFactory(now: new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(1)));
        var hanna = api.SandboxOfficial();
        async Task<string> PostAsync(string mailbox) =>
            (await (await hanna.PostAsJsonAsync("/api/sandbox/messages", new { from = new { name = "Karin Lund", address = "karin.lund@example.se" },
                subject = "Fråga om strandskydd", bodyText = "Hej! Får jag bygga en brygga?", mailbox })).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("id").GetString()!;
        var ours = await PostAsync(Bygglov);
        var elsewhere = await PostAsync("kontaktcenter@sandbox.botkyrka.se");
        await using var scope = api.Services.CreateAsyncScope();
        var feed = scope.ServiceProvider.GetRequiredService<IMailboxFeed>();

        var written = await feed.SetCategoriesAsync(Bygglov,
            [new CategoryWrite(ours, ["Viktigt", "Kontaktlöfte: öppet"]), new CategoryWrite("sandbox-gone", ["Kontaktlöfte: öppet"]),
             new CategoryWrite(elsewhere, ["Kontaktlöfte: öppet"])], CancellationToken.None);

        CollectionAssert.AreEqual(new[] { ours }, written.ToArray());
        var messages = await hanna.GetFromJsonAsync<List<JsonElement>>($"/api/sandbox/messages?mailbox={Bygglov}");
        var categories = messages!.Single(m => m.GetProperty("id").GetString() == ours).GetProperty("categories").EnumerateArray().Select(c => c.GetString()).ToArray();
        CollectionAssert.AreEqual(new[] { "Viktigt", "Kontaktlöfte: öppet" }, categories);
        var other = await hanna.GetFromJsonAsync<List<JsonElement>>("/api/sandbox/messages?mailbox=kontaktcenter@sandbox.botkyrka.se");
        Assert.AreEqual(0, other!.Single(m => m.GetProperty("id").GetString() == elsewhere).GetProperty("categories").GetArrayLength(),
            "another mailbox's message is not this mailbox's to label");
    }
}
