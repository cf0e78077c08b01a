using Kontaktlofte.AddinApi.Data;
using Kontaktlofte.AddinApi.Registry;
using Kontaktlofte.AddinApi.Registry.Embedded;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kontaktlofte.AddinApi.Tests.Registry;

/// <summary>
/// The embedded registry's numbers on the databases the product runs (a real SQLite file; a real PostgreSQL server): never
/// two alike, no gaps, even when registrations arrive at once, each in its own request scope and database context as the
/// API would serve them.
/// </summary>
public abstract class CaseNumbersTests
{
    protected abstract TestDatabase Provider { get; }

    private static readonly DateTimeOffset Midsummer2026 = new(2026, 6, 18, 9, 0, 0, TimeSpan.FromHours(2));
    private const int AtOnce = 50;

    [TestMethod]
    public async Task Fifty_cases_opened_at_once_get_the_numbers_1_to_50_each_once()
    {
        using var api = Started(new KontaktlofteFactory(now: Midsummer2026, provider: Provider));

        var numbers = await Task.WhenAll(Enumerable.Range(1, AtOnce).Select(i => Task.Run(() => OpenAsync(api, "KS", $"Ärende {i}"))));

        CollectionAssert.AreEqual(Enumerable.Range(1, AtOnce).ToList(), numbers.Select(n => n.Sequence).Order().ToList());
        Assert.IsTrue(numbers.All(n => n.Series == "KS" && n.Year == 2026));
        Assert.AreEqual(AtOnce, await InDatabaseAsync(api, db => db.CaseSequences.Where(s => s.Series == "KS" && s.Year == 2026).Select(s => s.Last).SingleAsync()));
    }

    [TestMethod]
    public async Task Fifty_documents_registered_at_once_in_one_case_are_numbered_1_to_50()
    {
        using var api = Started(new KontaktlofteFactory(now: Midsummer2026, provider: Provider));
        var @case = await OpenCaseAsync(api, "SBF", "Bygglov");

        var documents = await Task.WhenAll(Enumerable.Range(1, AtOnce).Select(i => Task.Run(() => RegisterAsync(api, @case.Id, $"<{i}@example.se>"))));

        CollectionAssert.AreEqual(Enumerable.Range(1, AtOnce).ToList(), documents.Select(d => d.Number).Order().ToList());
        Assert.IsTrue(documents.All(d => d.Case.Number == @case.Number));
    }

    [TestMethod]
    public async Task The_same_message_registered_by_many_at_once_is_one_document_and_takes_one_number()
    {
        using var api = Started(new KontaktlofteFactory(now: Midsummer2026, provider: Provider));
        var @case = await OpenCaseAsync(api, "KS", "Medborgarförslag");

        var documents = await Task.WhenAll(Enumerable.Range(1, 20).Select(_ => Task.Run(() => RegisterAsync(api, @case.Id, "<samma@example.se>"))));
        var next = await RegisterAsync(api, @case.Id, "<nasta@example.se>");

        Assert.AreEqual(1, documents.Select(d => d.Id).Distinct().Count());
        Assert.AreEqual(1, documents[0].Number);
        Assert.AreEqual(2, next.Number, "a refused second registration left no gap");
    }

    [TestMethod]
    public async Task Documents_are_numbered_within_their_own_case()
    {
        using var api = Started(new KontaktlofteFactory(now: Midsummer2026, provider: Provider));
        var first = await OpenCaseAsync(api, "KS", "Ett");
        var second = await OpenCaseAsync(api, "KS", "Två");

        Assert.AreEqual(1, (await RegisterAsync(api, first.Id, "<a@example.se>")).Number);
        Assert.AreEqual(2, (await RegisterAsync(api, first.Id, "<b@example.se>")).Number);
        Assert.AreEqual(1, (await RegisterAsync(api, second.Id, "<c@example.se>")).Number);
    }

    [TestMethod]
    public async Task Two_series_count_each_on_their_own()
    {
        using var api = Started(new KontaktlofteFactory(now: Midsummer2026, provider: Provider));

        var numbers = await Task.WhenAll(Enumerable.Range(1, 20).Select(i => Task.Run(() => OpenAsync(api, i % 2 == 0 ? "KS" : "UBF", $"Ärende {i}"))));

        foreach (var series in new[] { "KS", "UBF" })
            CollectionAssert.AreEqual(Enumerable.Range(1, 10).ToList(), numbers.Where(n => n.Series == series).Select(n => n.Sequence).Order().ToList(), series);
    }

    [TestMethod]
    public async Task A_new_year_in_Sweden_starts_at_1_and_the_old_year_keeps_its_numbers()
    {
        var database = KontaktlofteFactory.NewDatabase(Provider);
        try
        {
            // 23:30 on New Year's Eve in Stockholm is 22:30 UTC; 00:30 on New Year's Day is still 2026 in UTC.
            using (var oldYear = Started(new KontaktlofteFactory(now: new DateTimeOffset(2026, 12, 31, 22, 30, 0, TimeSpan.Zero), database: database)))
            {
                Assert.AreEqual(new CaseNumber("KS", 2026, 1), await OpenAsync(oldYear, "KS", "Före tolvslaget"));
                Assert.AreEqual(new CaseNumber("KS", 2026, 2), await OpenAsync(oldYear, "KS", "Strax före tolvslaget"));
            }
            using var newYear = Started(new KontaktlofteFactory(now: new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.Zero), database: database));

            Assert.AreEqual(new CaseNumber("KS", 2027, 1), await OpenAsync(newYear, "KS", "Efter tolvslaget"));
            Assert.AreEqual(new CaseNumber("KS", 2027, 2), await OpenAsync(newYear, "KS", "Nyårsdagen"));
            Assert.AreEqual(2, await InDatabaseAsync(newYear, db => db.RegistryCases.CountAsync(c => c.Year == 2026)));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Provider == TestDatabase.Sqlite) File.Delete(database);
        }
    }

    [TestMethod]
    public async Task A_series_not_in_the_configuration_opens_no_case()
    {
        using var api = Started(new KontaktlofteFactory(now: Midsummer2026, provider: Provider));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => OpenAsync(api, "XYZ", "Okänd"));

        StringAssert.Contains(error.Message, "Diarieserien XYZ finns inte");
        Assert.AreEqual(0, await InDatabaseAsync(api, db => db.CaseSequences.CountAsync()));
    }

    [TestMethod]
    public async Task A_secret_case_keeps_the_revealing_part_of_its_title_apart()
    {
        using var api = Started(new KontaktlofteFactory(now: Midsummer2026, provider: Provider));

        var @case = await OpenCaseAsync(api, "SOF", "Ansökan om bistånd", titleKeptApart: "för en namngiven person");

        var stored = await InDatabaseAsync(api, db => db.RegistryCases.SingleAsync(c => c.Id == @case.Id));
        Assert.AreEqual("Ansökan om bistånd", stored.Title);
        Assert.AreEqual("för en namngiven person", stored.TitleKeptApart);
    }

    /// <summary>The API started (migrated, seeded) before the registrations race: the factory starts it on first use.</summary>
    private static KontaktlofteFactory Started(KontaktlofteFactory api)
    {
        _ = api.Services;
        return api;
    }

    private static async Task<CaseNumber> OpenAsync(KontaktlofteFactory api, string series, string title) => (await OpenCaseAsync(api, series, title)).Number;

    private static async Task<RegistryCase> OpenCaseAsync(KontaktlofteFactory api, string series, string title, string? titleKeptApart = null)
    {
        await using var scope = api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CaseNumbers>()
            .OpenCaseAsync(new NewCase(series, title, titleKeptApart, "registrator@sandbox.botkyrka.se"), CancellationToken.None);
    }

    private static async Task<RegisteredDocument> RegisterAsync(KontaktlofteFactory api, Guid caseId, string internetMessageId)
    {
        await using var scope = api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CaseNumbers>().RegisterDocumentAsync(caseId,
            new NewDocument(internetMessageId, DocumentDirection.Incoming, "Skrivelse", "registrator@sandbox.botkyrka.se"), CancellationToken.None);
    }

    private static async Task<T> InDatabaseAsync<T>(KontaktlofteFactory api, Func<KontaktlofteDb, Task<T>> query)
    {
        await using var scope = api.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<KontaktlofteDb>());
    }
}

[TestClass]
public sealed class SqliteCaseNumbersTests : CaseNumbersTests
{
    protected override TestDatabase Provider => TestDatabase.Sqlite;
}

[TestClass]
public sealed class PostgresCaseNumbersTests : CaseNumbersTests
{
    protected override TestDatabase Provider => TestDatabase.Postgres;
}
