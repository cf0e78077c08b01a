using System.Text.Json.Nodes;
using Kontaktlofte.AddinApi.Mailbox;
using Kontaktlofte.AddinApi.Registry;
using Kontaktlofte.AddinApi.Tests.Mailbox.Graph;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Identity.Abstractions;

namespace Kontaktlofte.AddinApi.Tests.Registry.Lex;

/// <summary>
/// Lex by mail against the fake Graph, as the outbox sends it in the background (a long-running session): createForward of
/// the original (its attachments with it) to Lex's mailbox, sent once however often it is tried, Graph's failures mapped.
/// </summary>
[TestClass]
public sealed class LexMailGraphTests
{
    private const string LexAddress = "lex.registrering@botkyrka.se";
    private const string Original = "AAMkCitizenLex1=";
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 9, 0, 0, TimeSpan.FromHours(1));

    private FakeGraph _graph = null!;
    private FakeTokens _tokens = null!;
    private KontaktlofteFactory _api = null!;
    private MailboxOwner _owner = null!;

    [TestInitialize]
    public async Task Start()
    {
        _graph = await FakeGraph.StartAsync();
        _graph.AddMessage(Original, "Ansökan om bygglov", "<p>Här kommer min ansökan med ritningar.</p>", LexOrders.Received, "AAQkLex1=");
        _graph.Message(Original)["hasAttachments"] = true;
        _graph.Message(Original)["attachments"] = new JsonArray(
            new JsonObject { ["@odata.type"] = "#microsoft.graph.fileAttachment", ["name"] = "ritning.pdf", ["contentType"] = "application/pdf", ["size"] = 52133 },
            new JsonObject { ["@odata.type"] = "#microsoft.graph.fileAttachment", ["name"] = "situationsplan.pdf", ["contentType"] = "application/pdf", ["size"] = 30211 });
        _tokens = new FakeTokens();
        _api = new KontaktlofteFactory(now: Monday, settings: new()
        {
            ["Mailbox:Adapter"] = "Graph",
            ["Graph:BaseUrl"] = _graph.BaseUrl + "/v1.0",
            ["Graph:MaxRetries"] = "0",
            ["Registry:Adapter"] = "LexMail",
            ["Registry:LexMail:Address"] = LexAddress,
        }, services: s => s.Replace(ServiceDescriptor.Singleton<IAuthorizationHeaderProvider>(_tokens)));
        _ = _api.CreateClient();
        // The registrar's long-running session, as the registration endpoint starts it for the outbox.
        var start = new AuthorizationHeaderProviderOptions
        {
            AcquireTokenOptions = new AcquireTokenOptions { LongRunningWebApiSessionKey = AcquireTokenOptions.LongRunningWebApiSessionKeyAuto },
        };
        await _tokens.CreateAuthorizationHeaderForUserAsync(["Mail.ReadWrite"], start);
        _owner = new MailboxOwner("registrator@botkyrka.se", start.AcquireTokenOptions.LongRunningWebApiSessionKey);
    }

    [TestCleanup]
    public async Task Stop()
    {
        await _api.DisposeAsync();
        await _graph.DisposeAsync();
    }

    private async Task<RegistryAnswer> RegisterAsync(RegistryOrder order, IRegistryMemo memo)
    {
        await using var scope = _api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IRegistry>().RegisterAsync(order, memo, CancellationToken.None);
    }

    [TestMethod]
    public async Task The_original_is_forwarded_with_its_attachments_to_lexs_mailbox_with_the_block()
    {
        var order = LexOrders.NewCase(_owner, Original);

        var answer = await RegisterAsync(order, new MemoryMemo());

        Assert.AreEqual(RegistryOutcome.HandedOver, answer.Outcome);
        Assert.HasCount(1, _graph.Where("POST", $"/messages/{Original}/createForward"));
        var draft = _graph.DraftsIn("me").Single();
        Assert.IsFalse(draft["isDraft"]!.GetValue<bool>(), "sent");
        Assert.AreEqual(LexAddress, draft["toRecipients"]![0]!["emailAddress"]!["address"]!.GetValue<string>());
        CollectionAssert.AreEqual(new[] { "ritning.pdf", "situationsplan.pdf" },
            draft["attachments"]!.AsArray().Select(a => a!["name"]!.GetValue<string>()).ToArray());
        var block = LexOrders.ReadBlock(draft["body"]!["content"]!.GetValue<string>());
        Assert.AreEqual(order.Id.ToString(), block["Kontaktlöfte-referens"]);
        Assert.AreEqual("NYTT", block["Diarienummer"]);
    }

    [TestMethod]
    public async Task A_failure_between_draft_and_send_then_a_retry_sends_one_mail()
    {
        var order = LexOrders.NewCase(_owner, Original);
        var memo = new MemoryMemo();
        _graph.SendAlwaysFails = true;

        var waiting = await Assert.ThrowsAsync<RegistryUnavailableException>(() => RegisterAsync(order, memo));
        Assert.IsNotNull(memo.Value, "the draft was remembered before the send");
        _graph.SendAlwaysFails = false;
        await RegisterAsync(order, memo);
        await RegisterAsync(order, memo);

        Assert.AreEqual(TimeSpan.FromSeconds(1), waiting.RetryAfter);
        Assert.HasCount(1, _graph.Where("POST", "/createForward"));
        Assert.HasCount(1, _graph.DraftsIn("me"));
        Assert.AreEqual(1, _graph.SuccessfulSends);
    }

    [TestMethod]
    public async Task A_mailbox_that_refuses_refuses_the_registration()
    {
        _graph.DenyAccess = true;

        var refused = await Assert.ThrowsAsync<RegistryRefusedException>(() => RegisterAsync(LexOrders.NewCase(_owner, Original), new MemoryMemo()));

        StringAssert.Contains(refused.Message, "Lex");
        Assert.AreEqual(0, _graph.SuccessfulSends);
    }
}
