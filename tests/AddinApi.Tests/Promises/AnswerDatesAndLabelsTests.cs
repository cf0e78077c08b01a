using System.Net.Http.Json;
using System.Text.Json;
using Kontaktlofte.AddinApi.Drafts;

namespace Kontaktlofte.AddinApi.Tests.Promises;

/// <summary>What the pane asks instead of deciding: the days it may offer, and every label it shows.</summary>
[TestClass]
public sealed class AnswerDatesAndLabelsTests
{
    private static async Task<JsonElement> AnswerDatesAt(DateTimeOffset now)
    {
        using var api = new KontaktlofteFactory(now: now);
        return await api.Official().GetFromJsonAsync<JsonElement>("/api/answer-dates");
    }

    [TestMethod]
    public async Task Half_past_midnight_in_Stockholm_is_already_the_next_day()
    {
        // 23:30 UTC on Monday 30 November is 00:30 on Tuesday 1 December in Sweden: Monday may no longer be promised.
        var json = await AnswerDatesAt(new DateTimeOffset(2026, 11, 30, 23, 30, 0, TimeSpan.Zero));

        Assert.AreEqual("2026-12-01", json.GetProperty("today").GetString());
        var dates = json.GetProperty("dates").EnumerateArray().Select(d => d.GetString()).ToList();
        Assert.AreEqual("2026-12-01", dates[0]);
        Assert.AreEqual(30, dates.Count);
    }

    [TestMethod]
    public async Task A_minute_before_midnight_in_Stockholm_today_is_still_offered()
    {
        var json = await AnswerDatesAt(new DateTimeOffset(2026, 11, 30, 22, 59, 0, TimeSpan.Zero));

        Assert.AreEqual("2026-11-30", json.GetProperty("today").GetString());
        Assert.AreEqual("2026-11-30", json.GetProperty("dates")[0].GetString());
    }

    [TestMethod]
    public async Task Only_working_days_are_offered_and_christmas_is_skipped()
    {
        // Wednesday 23 December 2026: julafton, juldagen, annandag jul and the weekend are not working days.
        var json = await AnswerDatesAt(new DateTimeOffset(2026, 12, 23, 9, 0, 0, TimeSpan.Zero));
        var dates = json.GetProperty("dates").EnumerateArray().Select(d => d.GetString()).Take(3).ToList();

        CollectionAssert.AreEqual(new[] { "2026-12-23", "2026-12-28", "2026-12-29" }, dates);
    }

    [TestMethod]
    public async Task On_a_saturday_the_first_day_offered_is_monday()
    {
        var json = await AnswerDatesAt(new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero));

        Assert.AreEqual("2026-11-28", json.GetProperty("today").GetString());
        Assert.AreEqual("2026-11-30", json.GetProperty("dates")[0].GetString());
    }

    [TestMethod]
    public async Task Labels_name_every_category_and_state_in_Swedish_with_the_promise_that_applies()
    {
        using var api = new KontaktlofteFactory();
        var json = await api.Official().GetFromJsonAsync<JsonElement>("/api/labels");
        var categories = json.GetProperty("categories").EnumerateArray().ToDictionary(c => c.GetProperty("id").GetString()!);
        var states = json.GetProperty("states").EnumerateArray().ToDictionary(s => s.GetProperty("id").GetString()!, s => s.GetProperty("name").GetString());

        CollectionAssert.AreEquivalent(new[] { "question", "opinion", "fault-report", "document-request", "callback", "internal", "automatic" },
            categories.Keys.ToArray());
        Assert.AreEqual("Begäran om allmän handling", categories["document-request"].GetProperty("name").GetString());
        StringAssert.Contains(categories["document-request"].GetProperty("help").GetString(), "samma dag");
        StringAssert.Contains(categories["question"].GetProperty("help").GetString(), "andra arbetsdagen");
        Assert.AreEqual("Försenat", states["overdue"]);
        Assert.AreEqual("Överlämnat", states["handed-over"]);
        Assert.AreEqual(5, states.Count);
    }

    [TestMethod]
    public void A_text_too_short_to_measure_has_no_LIX_band()
    {
        Assert.IsNull(new TextMetrics(20, 29, 3, 5).LixBand);
        Assert.AreEqual("lättläst", new TextMetrics(35, 30, 3, 5).LixBand);
    }
}
