using Kontaktlofte.AddinApi.Mailbox;
using Kontaktlofte.AddinApi.Registry;
using Microsoft.Extensions.DependencyInjection;

namespace Kontaktlofte.AddinApi.Tests.Registry.Lex;

/// <summary>Lex over HTTP against the fake Lex on loopback, through the API's own wiring (Registry:Adapter = LexHttp).</summary>
[TestClass]
public sealed class LexHttpRegistryTests
{
    private static readonly MailboxOwner Registrar = new("registrator@botkyrka.se", null);
    private static FakeLex _lex = null!;
    private static KontaktlofteFactory _api = null!;

    [ClassInitialize]
    public static async Task Start(TestContext _)
    {
        _lex = await FakeLex.StartAsync();
        _api = new KontaktlofteFactory(settings: new()
        {
            ["Registry:Adapter"] = "LexHttp",
            ["Registry:LexHttp:BaseUrl"] = _lex.BaseUrl,
            ["Registry:LexHttp:ApiKey"] = FakeLex.ApiKey,
            ["Registry:LexHttp:Timeout"] = "00:00:01",
        });
    }

    [ClassCleanup]
    public static async Task Stop()
    {
        await _api.DisposeAsync();
        await _lex.DisposeAsync();
    }

    [TestInitialize]
    public void Up() => _lex.Down = LexDown.No;

    private static async Task<T> WithRegistry<T>(Func<IRegistry, Task<T>> use)
    {
        await using var scope = _api.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<IRegistry>());
    }

    private static Task<RegistryAnswer> Register(RegistryOrder order) => WithRegistry(registry => registry.RegisterAsync(order, new MemoryMemo(), CancellationToken.None));

    private static RegistryOrder Order(string internetMessageId) => LexOrders.NewCase(Registrar, "AAMk1=", internetMessageId);

    [TestMethod]
    public async Task A_new_case_is_registered_in_lex_with_its_numbers_and_the_api_key_and_order_id_sent()
    {
        var order = Order("<ny-1@example.se>");

        var answer = await Register(order);

        Assert.AreEqual(RegistryOutcome.Registered, answer.Outcome);
        Assert.AreEqual("SBF", answer.Case?.Series);
        Assert.AreEqual(1, answer.DocumentNumber);
        var request = _lex.Requests.Last(r => r.Method == "POST");
        Assert.AreEqual(FakeLex.PathBase + "/registrations", request.Path);
        Assert.AreEqual(FakeLex.ApiKey, request.Headers["X-Api-Key"]);
        Assert.AreEqual(order.Id.ToString(), request.Headers["Idempotency-Key"]);
        var body = request.Json!;
        Assert.AreEqual("incoming", body["direction"]!.GetValue<string>());
        Assert.AreEqual("Bygglov för uterum, Tumba 5:12", body["newCase"]!["title"]!.GetValue<string>());
        Assert.AreEqual("anna.berg@example.se", body["entry"]!["party"]!["address"]!.GetValue<string>());
        Assert.AreEqual(2, body["entry"]!["attachments"]!.AsArray().Count);
        Assert.AreEqual("<ny-1@example.se>", body["internetMessageId"]!.GetValue<string>());
        Assert.AreEqual("registrator@botkyrka.se", body["registeredBy"]!.GetValue<string>());
    }

    [TestMethod]
    public async Task The_same_order_again_answers_the_same_numbers_and_lex_holds_one_document()
    {
        var order = Order("<igen-1@example.se>");
        var documents = _lex.Documents;

        var first = await Register(order);
        var again = await Register(order);

        Assert.AreEqual(first.Case, again.Case);
        Assert.AreEqual(first.DocumentNumber, again.DocumentNumber);
        Assert.AreEqual(documents + 1, _lex.Documents);
        Assert.HasCount(1, _lex.Cases[first.Case!.Value]);
    }

    [TestMethod]
    public async Task A_document_in_an_existing_case_gets_the_next_document_number()
    {
        var number = new CaseNumber("KS", 2025, 311);
        _lex.AddCase(number);
        var order = Order("<befintligt-1@example.se>") with { Case = number, NewCase = null };

        var answer = await Register(order);

        Assert.AreEqual(number, answer.Case);
        Assert.AreEqual(1, answer.DocumentNumber);
        Assert.AreEqual("KS/2025:00311", _lex.Requests.Last(r => r.Method == "POST").Json!["caseNumber"]!.GetValue<string>());
    }

    [TestMethod]
    public async Task An_unknown_case_is_refused_in_swedish_with_lexs_own_words()
    {
        var order = Order("<okant-1@example.se>") with { Case = new CaseNumber("KS", 2026, 999), NewCase = null };

        var refused = await Assert.ThrowsAsync<RegistryRefusedException>(() => Register(order));

        StringAssert.Contains(refused.Message, "Ärendet KS/2026:00999 finns inte i Lex");
        StringAssert.Contains(refused.Message, "finns inte i diariet");
    }

    [TestMethod]
    public async Task A_series_lex_does_not_know_is_refused()
    {
        var order = Order("<serie-1@example.se>") with { NewCase = new CaseToOpen("UBF", "Skolskjuts", null) };

        var refused = await Assert.ThrowsAsync<RegistryRefusedException>(() => Register(order));

        StringAssert.Contains(refused.Message, "422");
        StringAssert.Contains(refused.Message, "Diarieserien UBF finns inte i Lex");
    }

    [TestMethod]
    public async Task Lex_down_leaves_the_registration_waiting_with_lexs_retry_after()
    {
        _lex.Down = LexDown.Unavailable;
        _lex.RetryAfter = "120";

        var waiting = await Assert.ThrowsAsync<RegistryUnavailableException>(() => Register(Order("<nere-1@example.se>")));

        Assert.AreEqual(TimeSpan.FromSeconds(120), waiting.RetryAfter);
        StringAssert.Contains(waiting.Message, "väntar på Lex");
        Assert.AreEqual(0, _lex.Cases.Values.Count(d => d.Contains("<nere-1@example.se>")));
    }

    [TestMethod]
    public async Task A_retry_after_given_as_a_date_is_counted_from_now()
    {
        _lex.Down = LexDown.Unavailable;
        _lex.RetryAfter = DateTimeOffset.UtcNow.AddMinutes(10).ToString("r");

        var waiting = await Assert.ThrowsAsync<RegistryUnavailableException>(() => Register(Order("<nere-2@example.se>")));

        Assert.IsNotNull(waiting.RetryAfter);
        Assert.IsTrue(waiting.RetryAfter > TimeSpan.FromMinutes(8), $"{waiting.RetryAfter}");
    }

    [TestMethod]
    public async Task Lex_that_does_not_answer_in_time_leaves_the_registration_waiting()
    {
        _lex.Down = LexDown.Hang;

        var waiting = await Assert.ThrowsAsync<RegistryUnavailableException>(() => Register(Order("<hang-1@example.se>")));

        StringAssert.Contains(waiting.Message, "svarade inte inom 1 sekunder");
    }

    [TestMethod]
    public async Task A_dropped_connection_leaves_the_registration_waiting()
    {
        _lex.Down = LexDown.DropConnection;

        await Assert.ThrowsAsync<RegistryUnavailableException>(() => Register(Order("<drop-1@example.se>")));
    }

    [TestMethod]
    public async Task Lex_unreachable_leaves_the_registration_waiting()
    {
        await using var nobody = new KontaktlofteFactory(settings: new()
        {
            ["Registry:Adapter"] = "LexHttp",
            ["Registry:LexHttp:BaseUrl"] = "http://127.0.0.1:1/lex/v1",
            ["Registry:LexHttp:ApiKey"] = FakeLex.ApiKey,
        });
        await using var scope = nobody.Services.CreateAsyncScope();
        var registry = scope.ServiceProvider.GetRequiredService<IRegistry>();

        var waiting = await Assert.ThrowsAsync<RegistryUnavailableException>(() => registry.RegisterAsync(Order("<ingen-1@example.se>"), new MemoryMemo(), CancellationToken.None));

        StringAssert.Contains(waiting.Message, "Lex gick inte att nå");
        Assert.IsNull(await registry.CaseExistsAsync(new CaseNumber("KS", 2026, 1), CancellationToken.None));
    }

    [TestMethod]
    [DataRow(LexDown.BadBody, "gick inte att läsa")]
    [DataRow(LexDown.BadCaseNumber, "diarienummer som inte går att läsa")]
    public async Task An_answer_that_is_no_answer_leaves_the_registration_waiting_never_a_crash(LexDown bad, string said)
    {
        _lex.Down = bad;

        var waiting = await Assert.ThrowsAsync<RegistryUnavailableException>(() => Register(Order($"<trasig-{bad}@example.se>")));

        StringAssert.Contains(waiting.Message, said);
    }

    [TestMethod]
    public async Task A_wrong_api_key_leaves_the_registration_waiting_and_names_the_setting()
    {
        await using var wrongKey = new KontaktlofteFactory(settings: new()
        {
            ["Registry:Adapter"] = "LexHttp",
            ["Registry:LexHttp:BaseUrl"] = _lex.BaseUrl,
            ["Registry:LexHttp:ApiKey"] = "fel-nyckel",
        });
        await using var scope = wrongKey.Services.CreateAsyncScope();

        var waiting = await Assert.ThrowsAsync<RegistryUnavailableException>(() =>
            scope.ServiceProvider.GetRequiredService<IRegistry>().RegisterAsync(Order("<nyckel-1@example.se>"), new MemoryMemo(), CancellationToken.None));

        StringAssert.Contains(waiting.Message, "Registry:LexHttp:ApiKey");
    }

    [TestMethod]
    public async Task Lex_tells_whether_a_case_exists_and_the_number_travels_as_one_path_segment()
    {
        var number = new CaseNumber("SOF", 2026, 42);
        _lex.AddCase(number);

        Assert.IsTrue(await WithRegistry(r => r.CaseExistsAsync(number, CancellationToken.None)));
        Assert.IsFalse(await WithRegistry(r => r.CaseExistsAsync(new CaseNumber("SOF", 2026, 43), CancellationToken.None)));
        Assert.AreEqual(FakeLex.PathBase + "/cases/SOF%2F2026:00042", _lex.Requests.First(r => r.Method == "GET").Path);
        _lex.Down = LexDown.Unavailable;
        Assert.IsNull(await WithRegistry(r => r.CaseExistsAsync(number, CancellationToken.None)));
    }
}
