using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Kontaktlofte.AddinApi.Auth;
using Kontaktlofte.AddinApi.Data;
using Kontaktlofte.AddinApi.Promises;
using Microsoft.Extensions.DependencyInjection;

namespace Kontaktlofte.AddinApi.Tests.Coverage;

[TestClass]
public sealed class ReportEndpointTests
{
    private const string Weeks51To53 = "/api/reports/promise?from=2026-12-16&to=2026-12-30";

    private static HttpClient Head(KontaktlofteFactory api, string email = "enhetschef@sandbox.botkyrka.se")
    {
        var client = api.ClientAs(Roles.Enhetschef, Roles.Handlaggare);
        client.DefaultRequestHeaders.Add(TestAuthHandler.EmailHeader, email);
        return client;
    }

    private static async Task<(KontaktlofteFactory Api, HttpClient Head)> SeededAsync()
    {
        var api = new KontaktlofteFactory(now: ReportSeededWeek.Today);
        var head = Head(api);
        await ReportSeededWeek.InsertAsync(api);
        return (api, head);
    }

    [TestMethod]
    public async Task Christmas_week_is_counted_as_computed_by_hand()
    {
        var (api, head) = await SeededAsync();
        using var _ = api;
        var report = await head.GetFromJsonAsync<JsonElement>($"{Weeks51To53}&unit={ReportSeededWeek.Unit}");

        Assert.AreEqual(ReportSeededWeek.Unit, report.GetProperty("unit").GetString());
        Assert.AreEqual("2026-12-14", report.GetProperty("from").GetString()); // whole ISO weeks: Monday of from's week
        Assert.AreEqual("2027-01-03", report.GetProperty("to").GetString());   // … to Sunday of to's week
        Assert.AreEqual("2027-01-11", report.GetProperty("today").GetString());
        var weeks = report.GetProperty("weeks").EnumerateArray().ToList();
        CollectionAssert.AreEqual(new[] { "2026-W51", "2026-W52", "2026-W53" }, weeks.Select(w => w.GetProperty("week").GetString()).ToArray());

        var w52 = weeks[1];
        Assert.AreEqual("2026-12-21", w52.GetProperty("monday").GetString());
        Assert.AreEqual("2026-12-27", w52.GetProperty("sunday").GetString());
        // M1 M2 M3 M4 M5 M6 M7 M8 M12 (the copy) M13 M16: not M9 (internal), M10 (automatic), M11 (in Grannenheten), M14, M15.
        Assert.AreEqual(11, w52.GetProperty("received").GetInt32());
        var byCategory = w52.GetProperty("byCategory");
        Assert.AreEqual(6, byCategory.GetProperty("question").GetInt32());         // M1 M4 M7 M8 M13 M16
        Assert.AreEqual(2, byCategory.GetProperty("opinion").GetInt32());          // M2 M12
        Assert.AreEqual(1, byCategory.GetProperty("fault-report").GetInt32());     // M3
        Assert.AreEqual(1, byCategory.GetProperty("document-request").GetInt32()); // M5
        Assert.AreEqual(1, byCategory.GetProperty("callback").GetInt32());         // M6
        Assert.AreEqual(4, w52.GetProperty("withinOneWorkingDay").GetInt32());     // M1 M5 M8 M16
        Assert.AreEqual(0.3636, w52.GetProperty("shareWithinOneWorkingDay").GetDouble());   // 4/11
        Assert.AreEqual(6, w52.GetProperty("withinTwoWorkingDays").GetInt32());    // M1 M2 M4 M5 M8 M16
        Assert.AreEqual(0.5455, w52.GetProperty("shareWithinTwoWorkingDays").GetDouble());  // 6/11
        Assert.AreEqual(6, w52.GetProperty("answered").GetInt32());                // M1 M2 M3 M4 M7 M8
        Assert.AreEqual(2.5, w52.GetProperty("medianWorkingDaysToAnswer").GetDouble()); // 0 1 2 3 3 4: (2 + 3) / 2
        Assert.AreEqual(2, w52.GetProperty("overdueNow").GetInt32());              // M6 M12

        var w51 = weeks[0];
        Assert.AreEqual(1, w51.GetProperty("received").GetInt32());
        Assert.AreEqual(1.0, w51.GetProperty("shareWithinOneWorkingDay").GetDouble());
        Assert.AreEqual(0.0, w51.GetProperty("medianWorkingDaysToAnswer").GetDouble());
        var w53 = weeks[2];
        Assert.AreEqual(1, w53.GetProperty("received").GetInt32());
        Assert.AreEqual(0.0, w53.GetProperty("shareWithinTwoWorkingDays").GetDouble());
        Assert.AreEqual(JsonValueKind.Null, w53.GetProperty("medianWorkingDaysToAnswer").ValueKind);
        Assert.AreEqual(1, w53.GetProperty("overdueNow").GetInt32());
    }

    [TestMethod]
    public async Task A_mail_handed_over_counts_once_where_it_ended_and_a_function_mailbox_in_its_watchers_unit()
    {
        var (api, head) = await SeededAsync();
        using var _ = api;
        var report = await head.GetFromJsonAsync<JsonElement>($"{Weeks51To53}&unit=grannenheten"); // the name in any case
        Assert.AreEqual(ReportSeededWeek.Neighbour, report.GetProperty("unit").GetString());
        var w52 = report.GetProperty("weeks")[1];
        Assert.AreEqual(3, w52.GetProperty("received").GetInt32()); // M11's copy, M14 (granne@, a tie), M15
        Assert.AreEqual(1, w52.GetProperty("answered").GetInt32());
        Assert.AreEqual(1, w52.GetProperty("withinOneWorkingDay").GetInt32()); // M11: received Tue 22, answered Wed 23
        Assert.AreEqual(0, report.GetProperty("weeks")[0].GetProperty("received").GetInt32());
    }

    [TestMethod]
    public async Task A_hand_over_whose_forward_is_not_made_yet_still_counts_where_it_was()
    {
        var (api, head) = await SeededAsync();
        using var _ = api;
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KontaktlofteDb>();
            var monday = new DateTimeOffset(2026, 12, 28, 9, 0, 0, TimeSpan.FromHours(1));
            db.Messages.AddRange(
                // Handed over a moment ago: the forward (and its Internet message id) is still in the outbox.
                new TrackedMessage { Id = "pending", Mailbox = ReportSeededWeek.Anna, Language = "sv", Category = MessageCategory.Question,
                    ReceivedAt = monday, DueDate = new DateOnly(2026, 12, 30), HandedOverAt = monday.AddHours(1) },
                // Another unit's mail without an Internet message id: not the copy of anything.
                new TrackedMessage { Id = "no-internet-id", Mailbox = ReportSeededWeek.Cecilia, Language = "sv", Category = MessageCategory.Question,
                    ReceivedAt = monday, DueDate = new DateOnly(2026, 12, 30) });
            await db.SaveChangesAsync();
        }
        var report = await head.GetFromJsonAsync<JsonElement>($"{Weeks51To53}&unit={ReportSeededWeek.Unit}");
        Assert.AreEqual(2, report.GetProperty("weeks")[2].GetProperty("received").GetInt32()); // M18 and the pending hand-over
    }

    [TestMethod]
    public async Task The_csv_has_the_same_numbers_for_swedish_excel()
    {
        var (api, head) = await SeededAsync();
        using var _ = api;
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Weeks51To53}&unit={ReportSeededWeek.Unit}");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        using var response = await head.SendAsync(request);

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.AreEqual("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.AreEqual("kontaktlofte-rapportenheten-2026-W51-2026-W53.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        CollectionAssert.AreEqual(Encoding.UTF8.GetPreamble(), bytes[..3], "UTF-8 with BOM, for Excel");
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.HasCount(4, lines);
        var header = lines[0].Split(';');
        var w52 = lines[2].Split(';');
        string Column(string name) => w52[Array.IndexOf(header, name)];
        Assert.AreEqual("2026-W52", Column("Vecka"));
        Assert.AreEqual("2026-12-21", Column("Måndag"));
        Assert.AreEqual(ReportSeededWeek.Unit, Column("Enhet"));
        Assert.AreEqual("11", Column("Inkomna"));
        Assert.AreEqual("6", Column("Frågor"));
        Assert.AreEqual("2", Column("Synpunkter och klagomål"));
        Assert.AreEqual("1", Column("Felanmälningar"));
        Assert.AreEqual("1", Column("Begäran om allmän handling"));
        Assert.AreEqual("1", Column("Återuppringningar"));
        Assert.AreEqual("4", Column("Inom 1 arbetsdag"));
        Assert.AreEqual("0,3636", Column("Andel inom 1 arbetsdag"));
        Assert.AreEqual("6", Column("Inom 2 arbetsdagar"));
        Assert.AreEqual("0,5455", Column("Andel inom 2 arbetsdagar"));
        Assert.AreEqual("6", Column("Besvarade"));
        Assert.AreEqual("2,5", Column("Median arbetsdagar till svar"));
        Assert.AreEqual("2", Column("Försenade nu"));
        Assert.AreEqual("", lines[3].Split(';')[Array.IndexOf(header, "Median arbetsdagar till svar")]); // none answered in W53

        // ?format=csv: the same file, for a link that cannot set a header.
        CollectionAssert.AreEqual(bytes, await head.GetByteArrayAsync($"{Weeks51To53}&unit={ReportSeededWeek.Unit}&format=csv"));
    }

    [TestMethod]
    public async Task The_report_names_no_person()
    {
        var (api, head) = await SeededAsync();
        using var _ = api;
        var json = await head.GetStringAsync($"{Weeks51To53}&unit={ReportSeededWeek.Unit}");
        var csv = await head.GetStringAsync($"{Weeks51To53}&unit={ReportSeededWeek.Unit}&format=csv");
        foreach (var text in new[] { json, csv })
            foreach (var person in new[] { "anna", "Anna", "bo.rapport", "Bo Rapport", "cecilia", "@", "Invånare", "invanare" })
                Assert.DoesNotContain(person, text);
    }

    [TestMethod]
    public async Task Without_a_unit_the_head_gets_their_own()
    {
        using var api = new KontaktlofteFactory(now: ReportSeededWeek.Today);
        var report = await Head(api).GetFromJsonAsync<JsonElement>("/api/reports/promise?from=2027-01-04&to=2027-01-10");
        Assert.AreEqual("Bygglovsenheten", report.GetProperty("unit").GetString()); // the sandbox head's unit
        Assert.AreEqual(1, report.GetProperty("weeks").GetArrayLength());
        Assert.IsGreaterThan(0, report.GetProperty("weeks")[0].GetProperty("received").GetInt32(), "the sandbox's seeded mail of that week");
    }

    [TestMethod]
    [DataRow("from=2026-12-30&to=2026-12-16", "to", "får inte vara före from")]
    [DataRow("from=2026-01-01&to=2027-01-31", "to", "högst 53 veckor")]
    [DataRow("from=1999-12-31&to=2000-01-07", "from", "mellan 2000-01-01 och 2099-12-31")]
    [DataRow("from=2099-12-01&to=2100-01-01", "to", "mellan 2000-01-01 och 2099-12-31")]
    [DataRow("from=21/12/2026&to=2026-12-30", "from", "år-månad-dag")]
    [DataRow("to=2026-12-30", "from", "Ange from")]
    [DataRow("from=2026-12-16&to=2026-12-30&unit=Ingenstans", "unit", "ingen enhet som heter Ingenstans")]
    [DataRow("from=2026-12-16&to=2026-12-30&format=xlsx", "format", "json eller csv")]
    public async Task Bad_input_is_a_400_in_swedish_naming_the_field(string query, string field, string message)
    {
        using var api = new KontaktlofteFactory(now: ReportSeededWeek.Today);
        using var response = await Head(api).GetAsync($"/api/reports/promise?{query}");
        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        StringAssert.Contains(problem.GetProperty("errors").GetProperty(field)[0].GetString(), message);
    }

    [TestMethod]
    public async Task A_head_outside_every_unit_is_asked_to_name_one()
    {
        using var api = new KontaktlofteFactory(now: ReportSeededWeek.Today);
        using var response = await Head(api, "ny.chef@botkyrka.se").GetAsync("/api/reports/promise?from=2026-12-16&to=2026-12-30");
        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
        StringAssert.Contains(await response.Content.ReadAsStringAsync(), "Ange unit");
    }

    [TestMethod]
    public async Task Only_a_unit_head_gets_the_report()
    {
        using var api = new KontaktlofteFactory(now: ReportSeededWeek.Today);
        const string path = "/api/reports/promise?from=2026-12-16&to=2026-12-30&unit=Bygglovsenheten";
        Assert.AreEqual(HttpStatusCode.Unauthorized, (await api.CreateClient().GetAsync(path)).StatusCode);
        Assert.AreEqual(HttpStatusCode.Forbidden, (await api.SandboxOfficial().GetAsync(path)).StatusCode);
        Assert.AreEqual(HttpStatusCode.Forbidden, (await api.ClientAs(Roles.Registrator, Roles.Handlaggare).GetAsync(path)).StatusCode);
        Assert.AreEqual(HttpStatusCode.OK, (await Head(api).GetAsync(path)).StatusCode);
    }
}
