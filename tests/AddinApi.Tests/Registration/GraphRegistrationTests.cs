using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kontaktlofte.AddinApi.Auth;
using Kontaktlofte.AddinApi.Tests.Mailbox.Graph;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Identity.Abstractions;

namespace Kontaktlofte.AddinApi.Tests.Registration;

/// <summary>
/// Registration against the fake Graph: the attachments' names are read (inline images left out), and the category
/// is written without touching the acknowledgement's extended property.
/// </summary>
[TestClass]
public sealed class GraphRegistrationTests
{
    private const string Id = "AAkALgAAAAAAHYQDEapmEc2byACqAC-EWg0AnMdP0zg8UEyYrHoCYwuxtwAAAgEMAAAB";

    [TestMethod]
    public async Task A_registered_graph_mail_lists_its_attachments_and_gets_only_its_category()
    {
        await using var graph = await FakeGraph.StartAsync();
        graph.AddMessage(Id, "Ansökan om bygglov", "<p>Se bifogade ritningar.</p>", RegistrationTests.Wednesday.AddHours(-3), "AAQkConv1=",
            from: "karin.lund@example.se", fromName: "Karin Lund");
        graph.Message(Id)["categories"] = new JsonArray("Viktigt");
        graph.Message(Id)["attachments"] = new JsonArray(
            new JsonObject { ["id"] = "A1", ["name"] = "ritning.pdf", ["isInline"] = false, ["size"] = 48211 },
            new JsonObject { ["id"] = "A2", ["name"] = "logo.png", ["isInline"] = true, ["size"] = 3120 });
        await using var api = new KontaktlofteFactory(now: RegistrationTests.Wednesday, settings: new()
        {
            ["Mailbox:Adapter"] = "Graph",
            ["Graph:BaseUrl"] = graph.BaseUrl + "/v1.0",
            ["Graph:MaxRetries"] = "1",
        }, services: s => s.Replace(ServiceDescriptor.Singleton<IAuthorizationHeaderProvider>(new FakeTokens())));
        var registrar = api.ClientAs(Roles.Registrator, Roles.Handlaggare);

        var answer = await registrar.PostAsJsonAsync($"/api/messages/{Id}/registration",
            new { direction = "incoming", series = "SBF", caseTitle = "Bygglov Tumba 7:123", documentType = "Ansökan" });

        Assert.AreEqual(HttpStatusCode.Created, answer.StatusCode, await answer.Content.ReadAsStringAsync());
        var entry = await answer.Content.ReadFromJsonAsync<JsonElement>();
        CollectionAssert.AreEqual(new[] { "ritning.pdf" },
            entry.GetProperty("publicEntry").GetProperty("attachments").EnumerateArray().Select(a => a.GetString()).ToArray(), "the inline logo is no attachment");
        var listed = graph.Where("GET", "/attachments").Single();
        StringAssert.Contains(Uri.UnescapeDataString(listed.Query), "$select=name,isInline");
        var patch = graph.Requests.Where(r => r.Method == "PATCH" && r.Path.EndsWith(Id, StringComparison.Ordinal)).Single();
        var body = JsonNode.Parse(patch.Body)!.AsObject();
        CollectionAssert.AreEqual(new[] { "Viktigt", "Registrerad SBF/2026:00001" },
            body["categories"]!.AsArray().Select(c => c!.GetValue<string>()).ToArray(), "the official's own category kept");
        Assert.IsFalse(body.ContainsKey("singleValueExtendedProperties"), "the acknowledgement's mark is left alone");
    }
}
