using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Kontaktlofte.AddinApi.Tests.Auth;

[TestClass]
public sealed class OfficialsSearchTests
{
    [TestMethod]
    public async Task Colleagues_are_found_by_part_of_name_or_address()
    {
        using var api = new KontaktlofteFactory();

        var byName = await api.Official().GetFromJsonAsync<List<JsonElement>>("/api/officials?search=holm");
        var byAddress = await api.Official().GetFromJsonAsync<List<JsonElement>>("/api/officials?search=sofia.ahmed");
        var tooShort = await api.Official().GetFromJsonAsync<List<JsonElement>>("/api/officials?search=h");
        var wildcard = await api.Official().GetFromJsonAsync<List<JsonElement>>("/api/officials?search=%25%25");

        Assert.AreEqual("Per Holm", byName!.Single().GetProperty("name").GetString());
        Assert.AreEqual("08-530 612 77", byName!.Single().GetProperty("phone").GetString());
        Assert.AreEqual("Sofia Ahmed", byAddress!.Single().GetProperty("name").GetString());
        Assert.IsEmpty(tooShort!);
        Assert.IsEmpty(wildcard!, "% is searched for, not a wildcard");
        Assert.AreEqual(HttpStatusCode.Forbidden, (await api.ClientAs("Annan").GetAsync("/api/officials?search=holm")).StatusCode);
    }

    [TestMethod]
    public async Task A_reply_finds_its_message_through_the_conversation()
    {
        using var api = new KontaktlofteFactory();
        var client = api.SandboxOfficial();
        var message = (await client.GetFromJsonAsync<List<JsonElement>>("/api/sandbox/messages"))!.First(m => m.GetProperty("subject").GetString() == "Bygglov för uterum");
        var id = message.GetProperty("id").GetString();
        Assert.AreEqual(HttpStatusCode.NotFound, (await client.GetAsync($"/api/conversations/conv-{id}/promise")).StatusCode, "not yet opened");

        await client.GetAsync($"/api/messages/{id}/promise");
        var promise = await client.GetFromJsonAsync<JsonElement>($"/api/conversations/conv-{id}/promise");

        Assert.AreEqual("2026-12-01", promise.GetProperty("dueDate").GetString());
    }
}
