using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kontaktlofte.AddinApi.Auth;

namespace Kontaktlofte.AddinApi.Tests.Audit;

/// <summary>
/// GET /api/audit: the log read by role — an official their own lines, a registrar also every registration line, a unit
/// head also the unit's — newest first, paged by a cursor, filtered by Stockholm days and an action prefix; bad input a
/// Swedish 400.
/// </summary>
[TestClass]
public sealed class AuditEndpointTests
{
    private const string Hanna = "handlaggare@sandbox.botkyrka.se";          // official, Bygglovsenheten
    private const string Rasmus = "registrator@sandbox.botkyrka.se";         // registrar, another unit
    private const string Elin = "enhetschef@sandbox.botkyrka.se";            // Bygglovsenheten's head
    private const string Per = "per.holm@sandbox.botkyrka.se";               // in Elin's unit
    private const string Johan = "johan.virtanen@sandbox.botkyrka.se";       // Gatuenheten
    private const string Mats = "mats.lindgren@sandbox.botkyrka.se";         // Gatuenheten's head
    private static readonly DateTimeOffset At = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    private static HttpClient As(KontaktlofteFactory api, string email, params string[] roles)
    {
        var client = api.ClientAs(roles);
        client.DefaultRequestHeaders.Add(TestAuthHandler.EmailHeader, email);
        return client;
    }

    private static HttpClient Official(KontaktlofteFactory api) => As(api, Hanna, Roles.Handlaggare);
    private static HttpClient Registrar(KontaktlofteFactory api) => As(api, Rasmus, Roles.Registrator, Roles.Handlaggare);
    private static HttpClient Head(KontaktlofteFactory api) => As(api, Elin, Roles.Enhetschef, Roles.Handlaggare);

    private static async Task<JsonElement> PageAsync(HttpClient client, string query = "")
    {
        var response = await client.GetAsync("/api/audit" + query);
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static long[] Ids(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToArray();

    /// <summary>The sandbox with an empty log: its seeded history left out.</summary>
    private static async Task<KontaktlofteFactory> EmptyAsync()
    {
        var api = new KontaktlofteFactory();
        await AuditRows.ClearAsync(api);
        return api;
    }

    /// <summary>An empty log (the seeded history left out) with one line of each kind that decides who reads it.</summary>
    private static async Task<(KontaktlofteFactory Api, Dictionary<string, long> Line)> LogAsync()
    {
        var api = await EmptyAsync();
        (string Name, string Actor, string Action, string Target)[] lines =
        [
            ("hanna's receipt", Hanna, "acknowledgement.queued", Guid.NewGuid().ToString()),
            ("hanna asks for registration", Hanna, "registration-request.created", Guid.NewGuid().ToString()),
            ("rasmus registers", Rasmus, "registration.registered", Guid.NewGuid().ToString()),
            ("rasmus's own receipt", Rasmus, "acknowledgement.queued", Guid.NewGuid().ToString()),
            ("johan's receipt", Johan, "acknowledgement.sent", Guid.NewGuid().ToString()),
            ("mats covers johan", Mats, "cover.set", Johan),
            ("elin covers per", Elin, "cover.set", Per),
            ("a former head removed per's cover", "tidigare.chef@sandbox.botkyrka.se", "cover.removed", Per),
            ("per's automatic reply", Per, "autoreply.set", Per),
            ("bygglov's automatic receipt", "watcher", "automatic-receipt.sent", "bygglov@sandbox.botkyrka.se"),
            ("kontaktcenter's automatic receipt", "watcher", "automatic-receipt.sent", "kontaktcenter@sandbox.botkyrka.se"),
            ("johan asks for registration", Johan, "registration-request.created", Guid.NewGuid().ToString()),
        ];
        var ids = await AuditRows.AddAsync(api, [.. lines.Select((l, i) => (At.AddMinutes(i), l.Actor, l.Action, l.Target))]);
        return (api, lines.Select((l, i) => (l.Name, ids[i])).ToDictionary(p => p.Name, p => p.Item2));
    }

    private static long[] Of(Dictionary<string, long> line, params string[] names) => [.. names.Select(n => line[n]).OrderDescending()];

    [TestMethod]
    public async Task An_official_reads_only_the_lines_where_they_acted()
    {
        var (api, line) = await LogAsync();
        await using var started = api;

        CollectionAssert.AreEqual(Of(line, "hanna's receipt", "hanna asks for registration"), Ids(await PageAsync(Official(api))));
    }

    [TestMethod]
    public async Task A_registrar_also_reads_every_registration_and_request_but_no_one_elses_receipt()
    {
        var (api, line) = await LogAsync();
        await using var started = api;

        CollectionAssert.AreEqual(Of(line, "hanna asks for registration", "rasmus registers", "rasmus's own receipt", "johan asks for registration"),
            Ids(await PageAsync(Registrar(api))));
    }

    [TestMethod]
    public async Task A_unit_head_also_reads_the_units_people_covers_and_function_mailboxes_but_not_another_units()
    {
        var (api, line) = await LogAsync();
        await using var started = api;

        CollectionAssert.AreEqual(Of(line, "hanna's receipt", "hanna asks for registration", "elin covers per", "a former head removed per's cover",
            "per's automatic reply", "bygglov's automatic receipt"), Ids(await PageAsync(Head(api))));
    }

    [TestMethod]
    public async Task A_head_of_no_unit_and_an_official_of_another_unit_read_nothing_of_bygglovsenheten()
    {
        var (api, line) = await LogAsync();
        await using var started = api;

        // Johan is an official only: his own two lines, not his head's cover of him.
        CollectionAssert.AreEqual(Of(line, "johan's receipt", "johan asks for registration"), Ids(await PageAsync(As(api, Johan, Roles.Handlaggare))));
        // Mats holds the head's role, but the directory gives him no direct reports: his own line only.
        CollectionAssert.AreEqual(Of(line, "mats covers johan"), Ids(await PageAsync(As(api, Mats, Roles.Enhetschef, Roles.Handlaggare))));
    }

    [TestMethod]
    public async Task Each_line_reads_in_Swedish_with_its_instant_actor_target_and_details()
    {
        var (api, line) = await LogAsync();
        await using var started = api;

        var item = (await PageAsync(Official(api), "?action=acknowledgement")).GetProperty("items").EnumerateArray().Single();

        Assert.AreEqual(line["hanna's receipt"], item.GetProperty("id").GetInt64());
        Assert.AreEqual("2026-11-27T09:00:00+00:00", item.GetProperty("at").GetString());
        Assert.AreEqual(Hanna, item.GetProperty("actor").GetString());
        Assert.AreEqual("acknowledgement.queued", item.GetProperty("action").GetString());
        Assert.AreEqual("Mottagningsbevis köat", item.GetProperty("description").GetString());
        Assert.IsTrue(Guid.TryParse(item.GetProperty("target").GetString(), out _));
        Assert.AreEqual(JsonValueKind.Null, item.GetProperty("details").ValueKind);
    }

    [TestMethod]
    public async Task Pages_follow_each_other_newest_first_without_a_gap_or_a_repeat_even_when_lines_share_an_instant()
    {
        await using var api = await EmptyAsync();
        // Five lines at the same instant, two later ones: the id decides among equals.
        var same = await AuditRows.AddAsync(api, [.. Enumerable.Range(0, 5).Select(_ => (At, Hanna, "promise.answered-otherwise", "msg-x"))]);
        var later = await AuditRows.AddAsync(api, (At.AddHours(1), Hanna, "promise.answered-otherwise", "msg-y"), (At.AddHours(2), Hanna, "promise.answered-otherwise", "msg-z"));
        var hanna = Official(api);

        var read = new List<long>();
        var query = "?action=promise&limit=2";
        for (var pages = 1; ; pages++)
        {
            var page = await PageAsync(hanna, query);
            var ids = Ids(page);
            read.AddRange(ids);
            if (page.GetProperty("next").ValueKind == JsonValueKind.Null)
            {
                Assert.AreEqual(4, pages, "7 lines, 2 a page");
                Assert.HasCount(1, ids);
                break;
            }
            Assert.HasCount(2, ids);
            query = $"?action=promise&limit=2&before={Uri.EscapeDataString(page.GetProperty("next").GetString()!)}";
        }

        CollectionAssert.AreEqual(new[] { later[1], later[0] }.Concat(same.OrderDescending()).ToArray(), read.ToArray());
    }

    [TestMethod]
    public async Task From_and_to_are_whole_days_in_Stockholm_and_action_is_a_prefix()
    {
        await using var api = await EmptyAsync();
        var ids = await AuditRows.AddAsync(api,
            (new DateTimeOffset(2026, 11, 24, 22, 59, 59, TimeSpan.Zero), Hanna, "registration-request.created", "a"),  // 23:59:59 on the 24th in Stockholm
            (new DateTimeOffset(2026, 11, 24, 23, 0, 0, TimeSpan.Zero), Hanna, "registration.created", "b"),            // 00:00 on the 25th
            (new DateTimeOffset(2026, 11, 25, 22, 59, 59, TimeSpan.Zero), Hanna, "acknowledgement.queued", "c"),       // the 25th's last second
            (new DateTimeOffset(2026, 11, 25, 23, 0, 0, TimeSpan.Zero), Hanna, "acknowledgement.sent", "d"));          // the 26th
        var hanna = Official(api);

        CollectionAssert.AreEqual(new[] { ids[2], ids[1] }, Ids(await PageAsync(hanna, "?from=2026-11-25&to=2026-11-25")));
        CollectionAssert.AreEqual(new[] { ids[3], ids[2], ids[1] }, Ids(await PageAsync(hanna, "?from=2026-11-25")));
        CollectionAssert.AreEqual(new[] { ids[0] }, Ids(await PageAsync(hanna, "?to=2026-11-24")));
        CollectionAssert.AreEqual(new[] { ids[1], ids[0] }, Ids(await PageAsync(hanna, "?action=registration")), "registration and registration-request");
        CollectionAssert.AreEqual(new[] { ids[1] }, Ids(await PageAsync(hanna, "?action=registration.")));
        CollectionAssert.AreEqual(new[] { ids[3] }, Ids(await PageAsync(hanna, "?action=Acknowledgement.Sent")), "the prefix is read in lower case");
    }

    [TestMethod]
    [DataRow("?from=2026-11-26&to=2026-11-25", "to", "får inte vara före from", DisplayName = "to before from")]
    [DataRow("?from=2026-13-01", "from", "ska vara ett datum", DisplayName = "a month that is not")]
    [DataRow("?to=25/11/2026", "to", "ska vara ett datum", DisplayName = "a date written otherwise")]
    [DataRow("?from=1999-12-31", "from", "ska ligga mellan", DisplayName = "before 2000")]
    [DataRow("?to=2100-01-01", "to", "ska ligga mellan", DisplayName = "after 2099")]
    [DataRow("?action=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "action", "högst 64 tecken", DisplayName = "an action of 65 letters")]
    [DataRow("?before=3155378976000000000-1", "before", "next från föregående sida", DisplayName = "a cursor past the last instant")]
    [DataRow("?limit=0", "limit", "från 1 till 200", DisplayName = "limit 0")]
    [DataRow("?limit=201", "limit", "från 1 till 200", DisplayName = "limit 201")]
    [DataRow("?limit=-5", "limit", "från 1 till 200", DisplayName = "limit negative")]
    [DataRow("?limit=tio", "limit", "från 1 till 200", DisplayName = "limit in words")]
    [DataRow("?before=igår", "before", "next från föregående sida", DisplayName = "a cursor that is not")]
    [DataRow("?before=1-2-3", "before", "next från föregående sida", DisplayName = "a cursor of three parts")]
    [DataRow("?action=registration%27%20OR%201%3D1", "action", "början av en händelse", DisplayName = "an action with SQL")]
    public async Task Bad_input_is_a_Swedish_400_naming_the_field(string query, string field, string says)
    {
        await using var api = new KontaktlofteFactory();

        var response = await Official(api).GetAsync("/api/audit" + query);

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.AreEqual("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        StringAssert.Contains(problem.GetProperty("errors").GetProperty(field)[0].GetString(), says);
    }

    [TestMethod]
    [DataRow("?limit=1", 1, DisplayName = "limit 1")]
    [DataRow("?limit=200", 3, DisplayName = "limit 200")]
    [DataRow("?from=2026-11-27&to=2026-11-27", 3, DisplayName = "from and to the same day")]
    [DataRow("?from=2000-01-01", 3, DisplayName = "from the first day allowed")]
    [DataRow("?to=2099-12-31", 3, DisplayName = "to the last day allowed")]
    [DataRow("?action=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 0, DisplayName = "an action of 64 letters")]
    [DataRow("?before=3155378975999999999-1", 3, DisplayName = "a cursor at the last instant")]
    public async Task The_edges_of_good_input_are_answered(string query, int count)
    {
        await using var api = await EmptyAsync();
        await AuditRows.AddAsync(api, [.. Enumerable.Range(0, 3).Select(i => (At.AddMinutes(i), Hanna, "promise.answered-otherwise", "msg-x"))]);

        Assert.HasCount(count, Ids(await PageAsync(Official(api), query)));
    }

    [TestMethod]
    public async Task Nothing_asked_gives_the_newest_50_and_a_cursor_to_the_rest()
    {
        await using var api = await EmptyAsync();
        var ids = await AuditRows.AddAsync(api, [.. Enumerable.Range(0, 51).Select(i => (At.AddMinutes(i), Hanna, "promise.answered-otherwise", "msg-x"))]);

        var page = await PageAsync(Official(api));

        CollectionAssert.AreEqual(ids.Skip(1).OrderDescending().ToArray(), Ids(page));
        var rest = await PageAsync(Official(api), $"?before={Uri.EscapeDataString(page.GetProperty("next").GetString()!)}");
        CollectionAssert.AreEqual(new[] { ids[0] }, Ids(rest));
        Assert.AreEqual(JsonValueKind.Null, rest.GetProperty("next").ValueKind);
    }

    [TestMethod]
    public async Task Without_a_sign_in_401_and_without_the_officials_role_403()
    {
        await using var api = new KontaktlofteFactory();

        Assert.AreEqual(HttpStatusCode.Unauthorized, (await api.CreateClient().GetAsync("/api/audit")).StatusCode);
        Assert.AreEqual(HttpStatusCode.Forbidden, (await As(api, Rasmus, Roles.Registrator).GetAsync("/api/audit")).StatusCode);
        Assert.AreEqual(HttpStatusCode.Forbidden, (await As(api, Elin, Roles.Enhetschef).GetAsync("/api/audit")).StatusCode);
        Assert.AreEqual(HttpStatusCode.OK, (await Official(api).GetAsync("/api/audit")).StatusCode);
    }
}
