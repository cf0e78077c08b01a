using System.Net;
using System.Net.Http.Json;
using Kontaktlofte.AddinApi.Tests.Mailbox.Graph;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Identity.Abstractions;

namespace Kontaktlofte.AddinApi.Tests.Acknowledgements;

/// <summary>
/// In production the reply's subject would be Graph's own "SV: original" unless the receipt sets it: the subject
/// travels in createReply's message, with the body, in the one call.
/// </summary>
[TestClass]
public sealed class ReceiptSubjectGraphTests
{
    private const string Id = "AAkALgAAAAAAHYQDEapmEc2byACqAC-EWg0AnMdP0zg8UEyYrHoCYwuxtwAAAgEMAAAB";
    private static readonly DateTimeOffset Friday = new(2026, 11, 27, 16, 5, 0, TimeSpan.FromHours(1));

    private FakeGraph _graph = null!;
    private KontaktlofteFactory _api = null!;

    [TestInitialize]
    public async Task Start()
    {
        _graph = await FakeGraph.StartAsync();
        _graph.AddMessage(Id, "Ekonomiskt bistånd", "<p>Jag har fått avslag på ekonomiskt bistånd. Kan någon ringa mig?</p>",
            Friday, "AAQkADAwATM0MDAAMS1iZjE2LWVmZjgtMDACLTAwCgAQAKN=", from: "karin.ek@example.se");
        _api = new KontaktlofteFactory(
            settings: new() { ["Mailbox:Adapter"] = "Graph", ["Graph:BaseUrl"] = _graph.BaseUrl + "/v1.0", ["Graph:MaxRetries"] = "1" },
            services: s => s.Replace(ServiceDescriptor.Singleton<IAuthorizationHeaderProvider>(new FakeTokens())));
    }

    [TestCleanup]
    public async Task Stop()
    {
        await _api.DisposeAsync();
        await _graph.DisposeAsync();
    }

    [TestMethod]
    public async Task Create_reply_carries_the_neutral_subject_and_the_body_in_one_call()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/messages/{Id}/acknowledgement")
        {
            Content = JsonContent.Create(new { promisedDate = "2026-12-08" }),
        };
        request.Headers.Add("Idempotency-Key", "graph-subject-1");

        Assert.AreEqual(HttpStatusCode.Created, (await _api.SandboxOfficial().SendAsync(request)).StatusCode);

        var message = _graph.Where("POST", $"/me/messages/{Id}/createReply").Single().Json!["Message"]!;
        Assert.AreEqual("Vi har tagit emot ditt meddelande", message["subject"]!.GetValue<string>());
        StringAssert.Contains(message["body"]!["content"]!.GetValue<string>(), "Uppgifter som omfattas av sekretess lämnas inte ut.");
        Assert.IsEmpty(_graph.Requests.Where(r => r.Method == "PATCH" && r.Path.Contains("Draft", StringComparison.Ordinal)).ToList(),
            "no second call to set the subject");
        Assert.AreEqual(1, _graph.SuccessfulSends);
    }
}
