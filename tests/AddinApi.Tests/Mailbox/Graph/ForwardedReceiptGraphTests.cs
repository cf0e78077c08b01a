using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Identity.Abstractions;

namespace Kontaktlofte.AddinApi.Tests.Mailbox.Graph;

/// <summary>A receipt for mail that Kontaktcenter forwarded: createReply addressed to the citizen, in the one call.</summary>
[TestClass]
public sealed class ForwardedReceiptGraphTests
{
    [TestMethod]
    public async Task The_reply_to_a_forward_is_addressed_to_the_citizen_in_create_reply()
    {
        await using var graph = await FakeGraph.StartAsync();
        graph.AddMessage("AAkForward=", "VB: Bygglov för uterum",
            "<p>Kan du ta den här? Han har ringt tre gånger redan.</p><hr><p><b>Från:</b> Anna Berg &lt;anna.berg@example.se&gt;<br><b>Skickat:</b> den 25 november 2026 16:05<br>" +
            "<b>Till:</b> Kontaktcenter<br><b>Ämne:</b> Bygglov för uterum</p><p>Behöver vi bygglov för ett uterum?</p>",
            new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.FromHours(1)), "AAQkConv=", from: "kontaktcenter@botkyrka.se");
        await using var api = graph.Api();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages/AAkForward=/acknowledgement") { Content = JsonContent.Create(new { promisedDate = "2026-12-01" }) };
        request.Headers.Add("Idempotency-Key", "fw-1");

        var response = await api.SandboxOfficial().SendAsync(request);

        Assert.AreEqual(HttpStatusCode.Created, response.StatusCode, await response.Content.ReadAsStringAsync());
        var body = graph.Where("POST", "/createReply").Single().Json!["Message"]!;
        var to = body["toRecipients"]!.AsArray().Single()!["emailAddress"]!;
        Assert.AreEqual("anna.berg@example.se", to["address"]!.GetValue<string>());
        Assert.AreEqual("Anna Berg", to["name"]!.GetValue<string>());
        var html = body["body"]!["content"]!.GetValue<string>();
        StringAssert.Contains(html, "25 november 2026");
        StringAssert.Contains(html, "Behöver vi bygglov för ett uterum?", "the citizen sees what they wrote");
        Assert.IsFalse(html.Contains("ringt tre gånger", StringComparison.Ordinal), "never the colleague's note: " + html);
        StringAssert.Contains(html, "<b>Från:</b> Anna Berg &lt;anna.berg@example.se&gt;", "quoted under the citizen's own name");
    }
}
