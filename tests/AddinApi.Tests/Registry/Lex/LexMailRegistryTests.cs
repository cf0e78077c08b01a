using Kontaktlofte.AddinApi.Mailbox;
using Kontaktlofte.AddinApi.Registry;
using Kontaktlofte.AddinApi.Sandbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kontaktlofte.AddinApi.Tests.Registry.Lex;

/// <summary>Lex by mail with the sandbox mailbox: the forward to Lex's mailbox, its block, and its sending once.</summary>
[TestClass]
public sealed class LexMailRegistryTests
{
    private const string LexAddress = "lex.registrering@botkyrka.se";
    private const string Hanna = "handlaggare@sandbox.botkyrka.se";
    private static KontaktlofteFactory _api = null!;

    [ClassInitialize]
    public static void Start(TestContext context)
    {
        _api = new KontaktlofteFactory(settings: new()
        {
            ["Registry:Adapter"] = "LexMail",
            ["Registry:LexMail:Address"] = LexAddress,
        });
        _api.CreateClient().Dispose();
    }

    [ClassCleanup]
    public static void Stop() => _api.Dispose();

    private static async Task<string> CitizenMailAsync()
    {
        await using var scope = _api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SandboxDb>();
        return await db.SandboxMail.Where(m => m.Mailbox == Hanna).Select(m => m.Id).FirstAsync();
    }

    private static async Task<(RegistryAnswer Answer, List<SandboxSentMail> ToLex)> RegisterAsync(RegistryOrder order, IRegistryMemo memo)
    {
        await using var scope = _api.Services.CreateAsyncScope();
        var registry = scope.ServiceProvider.GetRequiredService<IRegistry>();
        Assert.AreEqual("LexMail", registry.Name);
        var answer = await registry.RegisterAsync(order, memo, CancellationToken.None);
        var sent = await scope.ServiceProvider.GetRequiredService<SandboxDb>().SandboxSentMail.AsNoTracking()
            .Where(m => m.To == LexAddress).ToListAsync();
        return (answer, sent);
    }

    [TestMethod]
    public async Task A_new_case_is_forwarded_to_lexs_mailbox_with_the_block_lex_reads()
    {
        var messageId = await CitizenMailAsync();
        var order = LexOrders.NewCase(new MailboxOwner(Hanna, null), messageId);
        var memo = new MemoryMemo();

        var (answer, toLex) = await RegisterAsync(order, memo);

        Assert.AreEqual(RegistryOutcome.HandedOver, answer.Outcome);
        Assert.IsNull(answer.Case);
        Assert.IsNull(answer.DocumentNumber);
        var forward = toLex.Single(m => m.BodyHtml.Contains(order.Id.ToString(), StringComparison.Ordinal));
        Assert.IsFalse(forward.IsDraft, "sent");
        Assert.AreEqual(messageId, forward.InReplyTo);
        StringAssert.StartsWith(forward.Subject, "VB: ");
        var block = LexOrders.ReadBlock(forward.BodyHtml);
        Assert.AreEqual("SBF", block["Diarieserie"]);
        Assert.AreEqual("NYTT", block["Diarienummer"]);
        Assert.AreEqual("Bygglov för uterum, Tumba 5:12", block["Ärendemening"]);
        Assert.AreEqual("Inkommande", block["Riktning"]);
        Assert.AreEqual("Ansökan", block["Handlingstyp"]);
        Assert.AreEqual("4.2.1", block["Klassificering"]);
        Assert.AreEqual("per.holm@botkyrka.se", block["Handläggare"]);
        Assert.AreEqual("Nej", block["Sekretess"]);
        Assert.AreEqual("", block["Sekretessgrund"]);
        Assert.AreEqual("Anna Berg <anna.berg@example.se>", block["Avsändare/mottagare"]);
        Assert.AreEqual("2026-11-27", block["Datum"]);
        Assert.AreEqual("ritning.pdf; situationsplan.pdf", block["Bilagor"]);
        Assert.AreEqual("registrator@botkyrka.se", block["Registrerad av"]);
        Assert.AreEqual(order.Id.ToString(), block["Kontaktlöfte-referens"]);
        Assert.AreEqual(1, memo.Saves);
    }

    [TestMethod]
    public async Task A_secret_record_goes_to_lex_with_its_kept_apart_parts_marked_secret_on_lines_of_their_own()
    {
        var messageId = await CitizenMailAsync();
        var number = new CaseNumber("SOF", 2026, 12);
        var order = LexOrders.Secret(new MailboxOwner(Hanna, null), messageId, number);

        var (answer, toLex) = await RegisterAsync(order, new MemoryMemo());

        Assert.AreEqual(number, answer.Case);
        var forward = toLex.Single(m => m.BodyHtml.Contains(order.Id.ToString(), StringComparison.Ordinal));
        StringAssert.Contains(forward.BodyHtml, "omfattas av sekretess");
        var block = LexOrders.ReadBlock(forward.BodyHtml);
        Assert.AreEqual("SOF/2026:00012", block["Diarienummer"]);
        Assert.AreEqual("Ja", block["Sekretess"]);
        Assert.AreEqual("OSL 26 kap. 1 §", block["Sekretessgrund"]);
        Assert.AreEqual("", block["Avsändare/mottagare"]);
        Assert.AreEqual("Karin Lund <karin.lund@example.se>", block["Avsändare/mottagare (sekretess)"]);
        // The line break in the kept-apart title cannot start a line (a field) of its own.
        Assert.AreEqual("om oro för barn på Hallunda", block["Handlingsmening (sekretess)"]);
        Assert.AreEqual("", block["Bilagor"]);
        Assert.AreEqual("intyg.pdf", block["Bilagor (sekretess)"]);
    }

    [TestMethod]
    public async Task A_retry_with_the_memo_sends_the_same_draft_and_lex_gets_one_mail()
    {
        var messageId = await CitizenMailAsync();
        var order = LexOrders.NewCase(new MailboxOwner(Hanna, null), messageId, "<igen@example.se>");
        var memo = new MemoryMemo();

        await RegisterAsync(order, memo);
        var (_, toLex) = await RegisterAsync(order, memo);

        Assert.HasCount(1, toLex.Where(m => m.BodyHtml.Contains(order.Id.ToString(), StringComparison.Ordinal)));
        Assert.AreEqual(1, memo.Saves);
    }

    [TestMethod]
    public async Task Lex_by_mail_cannot_tell_whether_a_case_exists()
    {
        await using var scope = _api.Services.CreateAsyncScope();

        Assert.IsNull(await scope.ServiceProvider.GetRequiredService<IRegistry>().CaseExistsAsync(new CaseNumber("KS", 2026, 1), CancellationToken.None));
    }
}
