using System.Net.Http.Json;
using System.Text.Json;
using Kontaktlofte.AddinApi.Auth;
using Kontaktlofte.AddinApi.Promises;
using Microsoft.Extensions.DependencyInjection;

namespace Kontaktlofte.AddinApi.Tests.Audit;

/// <summary>
/// The audit log on each database: the retention job on both sides of <c>Retention:AuditDays</c>, and the reading query
/// (who may see, the cursor, the days) as each provider translates it.
/// </summary>
public abstract class AuditStoreTests
{
    protected abstract TestDatabase Provider { get; }

    /// <summary>Saturday 2026-11-28, 10:00: the factory's clock.</summary>
    private static readonly DateTimeOffset Now = Tests.Drafts.Reviewing.Now;
    private const string Hanna = "handlaggare@sandbox.botkyrka.se";

    private KontaktlofteFactory Api(string? days) =>
        new(provider: Provider, settings: days is null ? null : new() { ["Retention:AuditDays"] = days });

    private static async Task<int> EraseAsync(KontaktlofteFactory api)
    {
        await using var scope = api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditLogRetention>().EraseAsync(CancellationToken.None);
    }

    [TestMethod]
    [DataRow(null, 730, DisplayName = "the default: two years")]
    [DataRow("7", 7, DisplayName = "configured: 7 days")]
    public async Task A_line_as_old_as_the_retention_goes_and_one_a_minute_younger_stays(string? setting, int days)
    {
        await using var api = Api(setting);
        await AuditRows.ClearAsync(api);
        var ids = await AuditRows.AddAsync(api,
            (Now.AddDays(-days), Hanna, "acknowledgement.queued", "old"),
            (Now.AddDays(-days).AddMinutes(1), Hanna, "acknowledgement.sent", "younger"),
            (Now, Hanna, "acknowledgement.queued", "today"));

        // The job's start-up round may come first: what counts is what is left.
        await EraseAsync(api);

        CollectionAssert.AreEqual(ids.Skip(1).ToArray(), (await AuditRows.AllAsync(api)).Select(a => a.Id).ToArray());
        Assert.AreEqual(0, await EraseAsync(api), "nothing more to erase");
    }

    [TestMethod]
    [DataRow("0", DisplayName = "0 keeps")]
    [DataRow("-1", DisplayName = "less than 0 keeps")]
    public async Task Set_to_keep_no_line_goes_however_old(string setting)
    {
        await using var api = Api(setting);
        await AuditRows.ClearAsync(api);
        await AuditRows.AddAsync(api, (Now.AddYears(-20), Hanna, "acknowledgement.queued", "ancient"));

        Assert.AreEqual(0, await EraseAsync(api));
        Assert.HasCount(1, await AuditRows.AllAsync(api));
    }

    [TestMethod]
    public async Task A_unit_head_pages_through_the_units_lines_between_two_Stockholm_days()
    {
        await using var api = Api(null);
        await AuditRows.ClearAsync(api);
        var at = new DateTimeOffset(2026, 11, 24, 23, 0, 0, TimeSpan.Zero); // 00:00 on the 25th in Stockholm
        var ids = await AuditRows.AddAsync(api,
            (at.AddSeconds(-1), Hanna, "acknowledgement.queued", "the 24th"),
            (at, Hanna, "acknowledgement.queued", "a"),
            (at, "per.holm@sandbox.botkyrka.se", "autoreply.set", "per.holm@sandbox.botkyrka.se"),
            (at, "johan.virtanen@sandbox.botkyrka.se", "acknowledgement.queued", "another unit"),
            (at.AddHours(1), "tidigare.chef@sandbox.botkyrka.se", "cover.set", "per.holm@sandbox.botkyrka.se"),
            (at.AddHours(2), "watcher", "automatic-receipt.sent", "bygglov@sandbox.botkyrka.se"),
            (at.AddDays(1), Hanna, "acknowledgement.sent", "the 26th"));
        var head = api.ClientAs(Roles.Enhetschef, Roles.Handlaggare);
        head.DefaultRequestHeaders.Add(TestAuthHandler.EmailHeader, "enhetschef@sandbox.botkyrka.se");

        var read = new List<long>();
        for (var query = "?from=2026-11-25&to=2026-11-25&limit=1"; ;)
        {
            var page = await head.GetFromJsonAsync<JsonElement>("/api/audit" + query);
            read.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()));
            if (page.GetProperty("next").GetString() is not { } next) break;
            query = $"?from=2026-11-25&to=2026-11-25&limit=1&before={next}";
        }

        CollectionAssert.AreEqual(new[] { ids[5], ids[4], ids[2], ids[1] }, read.ToArray());
    }
}

[TestClass]
public sealed class SqliteAuditStoreTests : AuditStoreTests
{
    protected override TestDatabase Provider => TestDatabase.Sqlite;
}

[TestClass]
public sealed class PostgresAuditStoreTests : AuditStoreTests
{
    protected override TestDatabase Provider => TestDatabase.Postgres;
}
