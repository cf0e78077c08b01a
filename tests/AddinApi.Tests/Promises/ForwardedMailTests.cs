using System.Net.Http.Json;
using System.Text.Json;

namespace Kontaktlofte.AddinApi.Tests.Promises;

/// <summary>FL 22 §: a citizen's mail forwarded by Kontaktcenter counts from the day the municipality first had it.</summary>
[TestClass]
public sealed class ForwardedMailTests
{
    private static async Task<string> AddAsync(HttpClient official, string fromAddress, string subject, string body, DateTimeOffset receivedAt,
        string fromName = "Kontaktcenter")
    {
        var created = await official.PostAsJsonAsync("/api/sandbox/messages", new
        {
            from = new { name = fromName, address = fromAddress },
            subject, bodyText = body, receivedAt,
        });
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    // The factory's clock stands on Saturday 2026-11-28; the forward came Friday, the citizen wrote on Wednesday.
    private const string Forward = "Hej Hanna, kan du ta den här?\n\n/Amina, Kontaktcenter\n\n" +
        "-----Ursprungligt meddelande-----\nFrån: Anna Berg <anna.berg@example.se>\nSkickat: den 25 november 2026 16:05\n" +
        "Till: Kontaktcenter <kontaktcenter@botkyrka.se>\nÄmne: Bygglov för uterum\n\n" +
        "Hej! Behöver vi bygglov för ett uterum på 12 kvadratmeter? Hur lång tid tar det?\n\nAnna Berg";
    private static readonly DateTimeOffset Friday = new(2026, 11, 27, 9, 0, 0, TimeSpan.FromHours(1));

    [TestMethod]
    public async Task The_promise_counts_from_the_citizens_own_day_and_the_receipt_goes_to_the_citizen()
    {
        using var api = new KontaktlofteFactory();
        var official = api.SandboxOfficial();
        var id = await AddAsync(official, "kontaktcenter@botkyrka.se", "VB: Bygglov för uterum", Forward, Friday);

        var promise = await official.GetFromJsonAsync<JsonElement>($"/api/messages/{id}/promise");

        Assert.AreEqual("question", promise.GetProperty("category").GetString(), "the citizen's question, not internal mail");
        Assert.AreEqual(new DateTimeOffset(2026, 11, 25, 16, 5, 0, TimeSpan.FromHours(1)), promise.GetProperty("receivedAt").GetDateTimeOffset());
        Assert.AreEqual("2026-11-27", promise.GetProperty("dueDate").GetString(), "two working days after Wednesday, not after Friday");
        Assert.AreEqual("overdue", promise.GetProperty("state").GetString());
        StringAssert.Contains(promise.GetProperty("reasons")[0].GetString(), "FL 22 §");

        var preview = await (await official.PostAsJsonAsync($"/api/messages/{id}/acknowledgement/preview", new { promisedDate = "2026-12-01" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.AreEqual("anna.berg@example.se", preview.GetProperty("to").GetString());
        StringAssert.Contains(preview.GetProperty("bodyHtml").GetString(), "onsdag 25 november 2026");

        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/messages/{id}/acknowledgement") { Content = JsonContent.Create(new { promisedDate = "2026-12-01" }) };
        request.Headers.Add("Idempotency-Key", "fw-1");
        await official.SendAsync(request);
        var sent = (await official.SentForAsync(id)).Single();
        Assert.AreEqual("anna.berg@example.se", sent.GetProperty("to").GetString(), "never back to Kontaktcenter");
    }

    [TestMethod]
    public async Task A_thank_you_to_kontaktcenter_is_not_the_answer_and_a_secret_in_their_note_makes_it_sensitive()
    {
        using var api = new KontaktlofteFactory();
        var official = api.SandboxOfficial();
        var id = await AddAsync(official, "kontaktcenter@botkyrka.se", "VB: Bygglov för uterum",
            Forward.Replace("kan du ta den här?", "kan du ta den här? Hon har skyddad identitet.", StringComparison.Ordinal), Friday);

        await official.PostAsJsonAsync($"/api/sandbox/messages/{id}/reply", new { bodyHtml = "<p>Tack, jag tar den.</p>" });
        var promise = await official.GetFromJsonAsync<JsonElement>($"/api/messages/{id}/promise");

        Assert.AreNotEqual("answered", promise.GetProperty("state").GetString(), "the reply went to Kontaktcenter, not to the citizen");
        Assert.IsTrue(promise.GetProperty("sensitive").GetBoolean());
    }

    [TestMethod]
    public async Task A_forward_between_colleagues_of_internal_mail_stays_internal()
    {
        using var api = new KontaktlofteFactory();
        var official = api.SandboxOfficial();
        var id = await AddAsync(official, "per.holm@botkyrka.se", "VB: Möte",
            "Se nedan.\n\nFrån: Sofia Ahmed <sofia.ahmed@botkyrka.se>\nSkickat: den 25 november 2026 10:00\nÄmne: Möte\n\nSes på torsdag?", Friday, "Per Holm");

        var promise = await official.GetFromJsonAsync<JsonElement>($"/api/messages/{id}/promise");

        Assert.AreEqual("internal", promise.GetProperty("category").GetString());
    }

    [TestMethod]
    public async Task A_forward_of_kontaktcenters_forward_still_finds_the_citizen()
    {
        using var api = new KontaktlofteFactory();
        var official = api.SandboxOfficial();
        var twice = "Till dig, Hanna.\n\nFrån: Kontaktcenter <kontaktcenter@botkyrka.se>\nSkickat: den 26 november 2026 09:00\nÄmne: VB: Bygglov för uterum\n\n" + Forward;
        var id = await AddAsync(official, "per.holm@botkyrka.se", "VB: VB: Bygglov för uterum", twice, Friday, "Per Holm");

        var promise = await official.GetFromJsonAsync<JsonElement>($"/api/messages/{id}/promise");

        Assert.AreEqual("question", promise.GetProperty("category").GetString());
        Assert.AreEqual(new DateTimeOffset(2026, 11, 25, 16, 5, 0, TimeSpan.FromHours(1)), promise.GetProperty("receivedAt").GetDateTimeOffset());
    }

    [TestMethod]
    public async Task A_colleagues_reply_quoting_a_citizen_is_internal_mail_not_a_second_promise()
    {
        using var api = new KontaktlofteFactory();
        var official = api.SandboxOfficial();
        var id = await AddAsync(official, "per.holm@botkyrka.se", "SV: Bygglov för uterum",
            Forward.Replace("Hej Hanna, kan du ta den här?", "Jag har svarat henne.", StringComparison.Ordinal), Friday, "Per Holm");

        var promise = await official.GetFromJsonAsync<JsonElement>($"/api/messages/{id}/promise");

        Assert.AreEqual("internal", promise.GetProperty("category").GetString());
    }

    [TestMethod]
    [DataRow("den 28 oktober 2026 16:05", false, DisplayName = "30 days and more before the forward: not believed")]
    [DataRow("den 29 oktober 2026 16:05", true, DisplayName = "within 30 days: believed")]
    public async Task A_citizens_date_long_before_the_forward_is_not_believed(string sent, bool believed)
    {
        using var api = new KontaktlofteFactory();
        var official = api.SandboxOfficial();
        var id = await AddAsync(official, "kontaktcenter@botkyrka.se", "VB: Bygglov", Forward.Replace("den 25 november 2026 16:05", sent, StringComparison.Ordinal),
            new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.FromHours(1)));

        var received = (await official.GetFromJsonAsync<JsonElement>($"/api/messages/{id}/promise")).GetProperty("receivedAt").GetDateTimeOffset();

        Assert.AreEqual(believed, received.Month == 10, received.ToString("o", System.Globalization.CultureInfo.InvariantCulture));
    }

    [TestMethod]
    public async Task A_header_dated_after_the_forward_is_not_believed()
    {
        using var api = new KontaktlofteFactory();
        var official = api.SandboxOfficial();
        var id = await AddAsync(official, "kontaktcenter@botkyrka.se", "VB: Bygglov", Forward.Replace("den 25 november 2026", "den 5 december 2026", StringComparison.Ordinal), Friday);

        var promise = await official.GetFromJsonAsync<JsonElement>($"/api/messages/{id}/promise");

        Assert.AreEqual(Friday, promise.GetProperty("receivedAt").GetDateTimeOffset());
    }
}
