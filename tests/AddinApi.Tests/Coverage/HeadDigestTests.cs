using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Kontaktlofte.AddinApi.Auth;
using Kontaktlofte.AddinApi.Coverage;
using Kontaktlofte.AddinApi.Data;
using Kontaktlofte.AddinApi.Directory;
using Kontaktlofte.AddinApi.Drafts;
using Kontaktlofte.AddinApi.Mail;
using Kontaktlofte.AddinApi.Mailbox;
using Kontaktlofte.AddinApi.Promises;
using Kontaktlofte.AddinApi.Watching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kontaktlofte.AddinApi.Tests.Coverage;

/// <summary>
/// The unit heads' Monday digest through the API (issue 11): Elin Sandberg opens Enhetens bevakning on Friday; on Monday
/// after the digest time the watcher's pass records one digest for her week and the outbox sends it from her mailbox to her.
/// </summary>
[TestClass]
public sealed class HeadDigestTests
{
    private const string Head = "enhetschef@sandbox.botkyrka.se";
    private static readonly DateTimeOffset Friday = new(2026, 11, 27, 10, 0, 0, TimeSpan.FromHours(1));
    private static DateTimeOffset Monday(int hour, int minute) => new(2026, 11, 30, hour, minute, 0, TimeSpan.FromHours(1));

    /// <summary>A clock the test moves on, within one running API.</summary>
    private sealed class MovingClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;
        public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
        public override long GetTimestamp() => 0;
    }

    /// <summary>The sandbox's directory, but the background read fails as an expired session would.</summary>
    private sealed class ExpiredSession(IDirectory inner) : IDirectory
    {
        public Task<Person?> MeAsync(ClaimsPrincipal user, CancellationToken cancel) => inner.MeAsync(user, cancel);
        public Task<IReadOnlyList<Person>> SearchAsync(ClaimsPrincipal user, string text, int max, CancellationToken cancel) => inner.SearchAsync(user, text, max, cancel);
        public Task<IReadOnlyList<Person>> DirectReportsAsync(ClaimsPrincipal user, CancellationToken cancel) => inner.DirectReportsAsync(user, cancel);
        public Task<IReadOnlyList<AutomaticReply>> AutomaticRepliesAsync(ClaimsPrincipal user, IReadOnlyList<string> addresses, CancellationToken cancel) =>
            inner.AutomaticRepliesAsync(user, addresses, cancel);
        public Task<IReadOnlyList<AutomaticReply>> AutomaticRepliesInBackgroundAsync(string? sessionKey, IReadOnlyList<string> addresses,
            CancellationToken cancel) => throw new MailboxSignInRequiredException("Inloggningen som behövs i bakgrunden finns inte längre.", null);
    }

    private static (KontaktlofteFactory Api, MovingClock Clock) Api(bool expired = false, string? database = null, DateTimeOffset? start = null)
    {
        var clock = new MovingClock(start ?? Friday);
        var api = new KontaktlofteFactory(database: database, settings: new() { ["Watcher:PublicBaseUrl"] = "https://kontaktlofte.botkyrka.se" },
            services: s =>
            {
                s.AddSingleton<TimeProvider>(clock);
                if (expired) s.AddSingleton<IDirectory>(p => new ExpiredSession(ActivatorUtilities.CreateInstance<AddinApi.Sandbox.SandboxDirectory>(p)));
            });
        return (api, clock);
    }

    private static HttpClient HeadOf(KontaktlofteFactory api)
    {
        var client = api.ClientAs(Roles.Enhetschef, Roles.Handlaggare);
        client.DefaultRequestHeaders.Add(TestAuthHandler.EmailHeader, Head);
        return client;
    }

    /// <summary>The watcher's pass as it runs in the background: a round over the mailboxes, then the weekly digests.</summary>
    private static async Task<int> PassAsync(KontaktlofteFactory api)
    {
        var watcher = api.Services.GetRequiredService<MailboxWatcher>();
        await watcher.RoundAsync(CancellationToken.None);
        return await watcher.WeeklyDigestsAsync(CancellationToken.None);
    }

    private static async Task<List<JsonElement>> DigestsAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<List<JsonElement>>("/api/sandbox/sent"))!
        .Where(s => s.GetProperty("to").GetString() == Head && s.GetProperty("subject").GetString()!.StartsWith("Kontaktlöfte: enhetens", StringComparison.Ordinal))
        .ToList();

    private static async Task OpenCoverageAsync(KontaktlofteFactory api)
    {
        await api.Services.GetRequiredService<MailboxWatcher>().RoundAsync(CancellationToken.None);
        Assert.AreEqual(HttpStatusCode.OK, (await HeadOf(api).GetAsync("/api/units/mine/coverage")).StatusCode);
    }

    [TestMethod]
    public async Task A_head_who_opened_the_coverage_gets_one_digest_on_monday_morning_from_her_mailbox_to_herself()
    {
        var (api, clock) = Api();
        await using var _ = api;
        await OpenCoverageAsync(api);

        clock.Now = Monday(7, 45);
        Assert.AreEqual(1, await PassAsync(api));
        Assert.AreEqual(0, await PassAsync(api), "one a week, however many rounds");
        // The same as the coverage shows now: who is overdue, by the one definition of open mail.
        var coverage = await HeadOf(api).GetFromJsonAsync<JsonElement>("/api/units/mine/coverage");

        var digest = (await DigestsAsync(HeadOf(api))).Single();
        Assert.AreEqual("Kontaktlöfte: enhetens bevakning vecka 49", digest.GetProperty("subject").GetString());
        Assert.AreEqual(Head, digest.GetProperty("mailbox").GetString(), "sent from her own mailbox");
        Assert.AreEqual("auto-generated", digest.GetProperty("headers").GetProperty("Auto-Submitted").GetString());
        var html = digest.GetProperty("bodyHtml").GetString()!;
        StringAssert.Contains(html, "God morgon, Elin!");
        var away = html[html.IndexOf("Borta utan ersättare", StringComparison.Ordinal)..html.IndexOf("Välj en ersättare", StringComparison.Ordinal)];
        StringAssert.Contains(away, "Karin Nordström");
        StringAssert.Contains(away, "Tobias Wallin");
        StringAssert.Contains(away, "Lina Öhman");
        Assert.DoesNotContain("Per Holm", away, "Sofia Ahmed covers him");
        Assert.DoesNotContain("Oskar Bergqvist", away, "away only next week");
        var overdue = coverage.GetProperty("members").EnumerateArray().Where(m => m.GetProperty("overdue").GetInt32() > 0).ToList();
        Assert.IsNotEmpty(overdue);
        foreach (var member in overdue)
            StringAssert.Contains(html, $"<li>{member.GetProperty("name").GetString()}: {member.GetProperty("overdue").GetInt32()}</li>");
        foreach (var mailbox in coverage.GetProperty("functionMailboxes").EnumerateArray().Where(m => m.GetProperty("overdue").GetInt32() > 0))
            StringAssert.Contains(html, $"<li>{mailbox.GetProperty("address").GetString()}: {mailbox.GetProperty("overdue").GetInt32()}</li>");
        StringAssert.Contains(html, "Förra veckan (vecka 48) fick enheten");
        StringAssert.Contains(html, "<a href=\"https://kontaktlofte.botkyrka.se/coverage\">Öppna Enhetens bevakning</a>");

        // About the unit, not the mail: no citizen's subject, name or address.
        await using var scope = api.Services.CreateAsyncScope();
        var citizens = await scope.ServiceProvider.GetRequiredService<KontaktlofteDb>().Messages.AsNoTracking()
            .Select(m => new { m.Subject, m.CitizenName, m.CitizenAddress }).ToListAsync();
        Assert.IsNotEmpty(citizens.Where(c => c.Subject is not null));
        foreach (var text in citizens.SelectMany(c => new[] { c.Subject, c.CitizenName, c.CitizenAddress }).OfType<string>().Where(t => t.Length > 3).Distinct())
            Assert.DoesNotContain(GeneratedMail.Encoder.Encode(text), html, $"a citizen's \"{text}\" in the head's digest");
    }

    [TestMethod]
    public async Task Sunday_evening_and_monday_before_half_past_seven_send_nothing_and_a_head_never_seen_gets_nothing()
    {
        var (api, clock) = Api();
        await using var _ = api;
        clock.Now = Monday(8, 0);
        Assert.AreEqual(0, await PassAsync(api), "nobody has opened the coverage yet");

        var (seen, seenClock) = Api();
        await using var __ = seen;
        await OpenCoverageAsync(seen);
        seenClock.Now = new DateTimeOffset(2026, 11, 29, 22, 0, 0, TimeSpan.FromHours(1));
        Assert.AreEqual(0, await PassAsync(seen));
        seenClock.Now = Monday(7, 29);
        Assert.AreEqual(0, await PassAsync(seen));
        Assert.IsEmpty(await DigestsAsync(HeadOf(seen)));
        seenClock.Now = Monday(7, 30);
        Assert.AreEqual(1, await PassAsync(seen));
    }

    [TestMethod]
    public async Task A_second_instance_records_no_second_digest_that_week()
    {
        var database = KontaktlofteFactory.NewDatabasePath();
        var (first, clock) = Api(database: database);
        await using (first)
        {
            await OpenCoverageAsync(first);
            clock.Now = Monday(7, 45);
            Assert.AreEqual(1, await PassAsync(first));
        }
        var (second, _) = Api(database: database, start: Monday(9, 0));
        await using (second)
        {
            Assert.AreEqual(0, await PassAsync(second), "the database's one-a-week index, not the instance's memory");
            Assert.HasCount(1, await DigestsAsync(HeadOf(second)));
        }
        File.Delete(database);
    }

    [TestMethod]
    public async Task Two_instances_recording_the_same_week_at_once_keep_one_the_unique_index_decides()
    {
        var (api, clock) = Api();
        await using var _ = api;
        await OpenCoverageAsync(api);
        clock.Now = Monday(7, 45);
        // Both passed the "already done?" look before either saved: only the database can tell them apart.
        await using var one = api.Services.CreateAsyncScope();
        await using var two = api.Services.CreateAsyncScope();
        HeadDigest Digest() => new() { Id = Guid.NewGuid(), Recipient = Head, Week = "2026-W49", Day = new DateOnly(2026, 11, 30), CreatedAt = clock.Now };
        async Task<bool> RecordAsync(IServiceProvider services, HeadDigest digest) =>
            await Digests.RecordAsync(services.GetRequiredService<KontaktlofteDb>(), services.GetRequiredService<AddinApi.Outbox.OutboxQueue>(),
                digest, digest.Id, HeadDigestSender.OutboxKind, CancellationToken.None);

        Assert.IsTrue(await RecordAsync(one.ServiceProvider, Digest()));
        Assert.IsFalse(await RecordAsync(two.ServiceProvider, Digest()));

        Assert.HasCount(1, await DigestsAsync(HeadOf(api)));
        var db = two.ServiceProvider.GetRequiredService<KontaktlofteDb>();
        Assert.AreEqual(1, await db.Set<AddinApi.Outbox.OutboxItem>().AsNoTracking().CountAsync(i => i.Kind == HeadDigestSender.OutboxKind));
        Assert.AreEqual(0, await PassAsync(api), "and the pass after them records nothing more");
    }

    [TestMethod]
    public async Task A_head_whose_session_has_expired_still_gets_the_digest_with_the_line_about_absences()
    {
        var (api, clock) = Api(expired: true);
        await using var _ = api;
        await OpenCoverageAsync(api);

        clock.Now = Monday(7, 45);
        Assert.AreEqual(1, await PassAsync(api));

        var html = (await DigestsAsync(HeadOf(api))).Single().GetProperty("bodyHtml").GetString()!;
        StringAssert.Contains(html, GeneratedMail.Encoder.Encode(HeadDigestText.AbsencesUnread));
        Assert.DoesNotContain("Borta utan ersättare", html);
        StringAssert.Contains(html, "Försenade mejl från invånare just nu", "the rest goes anyway");
        StringAssert.Contains(html, "Förra veckan (vecka 48)");
    }

    [TestMethod]
    public async Task A_head_not_seen_for_eight_weeks_gets_no_digest()
    {
        var (api, clock) = Api();
        await using var _ = api;
        await OpenCoverageAsync(api);

        clock.Now = new DateTimeOffset(2027, 1, 18, 7, 45, 0, TimeSpan.FromHours(1)); // 52 days after
        Assert.AreEqual(1, await PassAsync(api));
        clock.Now = new DateTimeOffset(2027, 1, 25, 7, 45, 0, TimeSpan.FromHours(1)); // 59 days after
        Assert.AreEqual(0, await PassAsync(api));
        await using var scope = api.Services.CreateAsyncScope();
        Assert.IsFalse(await scope.ServiceProvider.GetRequiredService<KontaktlofteDb>().Set<UnitHead>().AnyAsync(), "forgotten: unit and session gone");
    }

    [TestMethod]
    public async Task The_coverage_view_records_the_head_with_the_unit_as_she_saw_it()
    {
        var (api, _) = Api();
        await using var __ = api;
        await OpenCoverageAsync(api);

        await using var scope = api.Services.CreateAsyncScope();
        var head = await scope.ServiceProvider.GetRequiredService<KontaktlofteDb>().Set<UnitHead>().AsNoTracking().SingleAsync();
        Assert.AreEqual(Head, head.Email);
        Assert.AreEqual("Elin Sandberg", head.Name);
        Assert.HasCount(9, head.Members);
        Assert.HasCount(9, head.MemberNames);
        Assert.AreEqual("Karin Nordström", head.MemberNames[head.Members.IndexOf("karin.nordstrom@sandbox.botkyrka.se")]);
        CollectionAssert.Contains(head.FunctionMailboxes, "bygglov@sandbox.botkyrka.se");
        Assert.AreEqual(Friday, head.LastSeenAt);
        Assert.IsNotNull(head.UnitName);
    }

    [TestMethod]
    public void The_digest_passes_the_products_own_review()
    {
        using var api = new KontaktlofteFactory();
        var day = new DateOnly(2026, 11, 30);
        var html = HeadDigestText.Html(new HeadDigestFacts("Elin Sandberg", day,
            [new("Karin Nordström", new DateOnly(2026, 12, 4), 2), new("Lina Öhman", null, 1)],
            [new("Karin Nordström", 1), new("bygglov@sandbox.botkyrka.se", 3)],
            new PromiseReportWeek("2026-W48", day.AddDays(-7), day.AddDays(-1), "Bygglovsenheten", 12, new ReceivedByCategory(12, 0, 0, 0, 0),
                7, 0.5833, 10, 0.8333, 8, 1, 1), "https://kontaktlofte.botkyrka.se/coverage"));

        using var scope = api.Services.CreateScope();
        var review = scope.ServiceProvider.GetRequiredService<DraftReviewer>()
            .Review(new DraftReviewRequest(HeadDigestText.Subject(day), html, null, [new MailAddress("Elin Sandberg", Head)], null, null, null));
        var faults = review.Findings.Where(f => f.Severity != Severity.Info && f.Rule != "signature.missing")
            .Select(f => $"{f.Rule} ({f.Severity}) \"{f.Excerpt}\": {f.Message}").ToList();
        Assert.IsEmpty(faults, string.Join("\n", faults));
    }
}
