using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kontaktlofte.AddinApi.Drafts;

namespace Kontaktlofte.AddinApi.Tests.Drafts.PlainLanguage;

[TestClass]
public sealed class LanguageMismatchTests
{
    private const string SwedishReply = "Hej Matti, tack för ditt mejl. Du får svar om bygglovet i nästa vecka.";
    private const string FinnishReply = "Hei Matti, kiitos viestistäsi. Saat vastauksen rakennusluvasta ensi viikolla.";
    private const string EnglishReply = "Hello Matti, thank you for your mail. You will have an answer about the permit next week.";

    private const string FinnishMail = "Hei! Haluaisin tietää, milloin rakennuslupa-asiani käsitellään. Olen lähettänyt hakemuksen kuukausi sitten.";
    private const string SwedishMail = "Hej! Jag undrar när mitt bygglov blir klart. Jag skickade ansökan för en månad sedan.";
    private const string EnglishMail = "Hello! I would like to know when my building permit is ready. I sent the application a month ago.";

    /// <summary>A signed reply with <paramref name="own"/> above the signature and the citizen's mail quoted below it.</summary>
    private static DraftReviewRequest Reply(string own, string? quoted, string? citizenLanguage = null) =>
        new("Svar: Bygglov", null,
            own + "\n\n" + Reviewing.Signature +
            (quoted is null ? "" : "\n\nDen tors 26 nov. 2026 kl. 14:02 skrev Matti Virtanen <matti@example.fi>:\n\n> " + quoted),
            [Reviewing.Citizen], null, null, null, true, false, citizenLanguage);

    private static List<Finding> Mismatch(DraftReviewRequest request) => Reviewing.Review(request).Of("language.mismatch");

    [TestMethod]
    public void A_Swedish_reply_to_a_Finnish_mail_is_told_about_the_Finnish_administrative_area()
    {
        var review = Reviewing.Review(Reply(SwedishReply, FinnishMail));

        var finding = review.Of("language.mismatch").Single();
        Assert.AreEqual(Severity.Info, finding.Severity);
        Assert.AreEqual(DraftPart.Body, finding.Part);
        Assert.AreEqual(0, finding.Start);
        Assert.AreEqual(SwedishReply.Length, finding.Length);
        Assert.AreEqual("Invånaren skrev på finska, men ditt svar är på svenska.", finding.Message);
        Assert.AreEqual("Svara på finska, eller på finska och svenska. Botkyrka hör till förvaltningsområdet för finska: " +
                        "invånaren har rätt att använda finska i kontakten med kommunen och ska bemötas på finska " +
                        "(lag 2009:724 om nationella minoriteter och minoritetsspråk).", finding.Suggestion);
        Assert.AreEqual(Verdict.Ok, review.Verdict, "advice, not a warning");
    }

    [TestMethod]
    public void A_Finnish_reply_to_a_Finnish_mail_is_right() => Assert.IsEmpty(Mismatch(Reply(FinnishReply, FinnishMail)));

    [TestMethod]
    public void A_Swedish_reply_to_a_Swedish_mail_is_right() => Assert.IsEmpty(Mismatch(Reply(SwedishReply, SwedishMail)));

    [TestMethod]
    public void An_English_reply_to_an_English_mail_is_right() => Assert.IsEmpty(Mismatch(Reply(EnglishReply, EnglishMail)));

    [TestMethod]
    public void A_Swedish_reply_to_an_English_mail_points_to_the_duty_to_make_oneself_understood()
    {
        var finding = Mismatch(Reply(SwedishReply, EnglishMail)).Single();

        Assert.AreEqual("Invånaren skrev på engelska, men ditt svar är på svenska.", finding.Message);
        StringAssert.StartsWith(finding.Suggestion, "Svara på engelska");
        StringAssert.Contains(finding.Suggestion, "förvaltningslagen 13 §");
    }

    [TestMethod]
    [DataRow(EnglishReply, "engelska")]
    [DataRow(FinnishReply, "finska")]
    public void A_reply_in_another_language_to_a_Swedish_mail_is_told_to_answer_in_Swedish(string reply, string language)
    {
        var finding = Mismatch(Reply(reply, SwedishMail)).Single();

        Assert.AreEqual($"Invånaren skrev på svenska, men ditt svar är på {language}.", finding.Message);
        StringAssert.StartsWith(finding.Suggestion, "Svara på svenska");
        StringAssert.Contains(finding.Suggestion, "språklagen 2009:600");
    }

    [TestMethod]
    public void An_English_reply_to_a_Finnish_mail_is_told_to_answer_in_Finnish() =>
        Assert.AreEqual("Invånaren skrev på finska, men ditt svar är på engelska.", Mismatch(Reply(EnglishReply, FinnishMail)).Single().Message);

    [TestMethod]
    [DataRow("Hej! Jag undrar när mitt bygglov blir klart. Svara gärna på finska.", "finska", DisplayName = "svara gärna på finska")]
    [DataRow("Hej! Jag undrar när mitt bygglov blir klart. Kan ni svara mig på finska?", "finska", DisplayName = "svara mig på finska")]
    [DataRow("Hei! Milloin rakennuslupa on valmis? Vastatkaa suomeksi.", "finska", DisplayName = "vastatkaa suomeksi")]
    [DataRow("Hej! Jag undrar när mitt bygglov blir klart. Please answer in English.", "engelska", DisplayName = "please answer in English")]
    public void A_citizen_who_asks_for_an_answer_in_a_language_gets_it(string quoted, string language) =>
        Assert.AreEqual($"Invånaren bad om svar på {language}, men ditt svar är på svenska.", Mismatch(Reply(SwedishReply, quoted)).Single().Message);

    [TestMethod]
    public void A_citizen_who_writes_Finnish_but_asks_for_Swedish_gets_Swedish() =>
        Assert.IsEmpty(Mismatch(Reply(SwedishReply, FinnishMail + " Voitteko vastata ruotsiksi?")));

    [TestMethod]
    public void Only_wishing_one_could_write_Finnish_is_no_request() =>
        Assert.IsEmpty(Mismatch(Reply(SwedishReply, "Hej! Jag kan tyvärr inte skriva på finska, så jag skriver på svenska.")));

    [TestMethod]
    public void The_language_of_the_promise_wins_over_the_quoted_history()
    {
        var finding = Mismatch(Reply(SwedishReply, SwedishMail, citizenLanguage: "fi")).Single();

        Assert.AreEqual("Invånarens språk i ärendet är finska, men ditt svar är på svenska.", finding.Message);
        Assert.IsEmpty(Mismatch(Reply(SwedishReply, FinnishMail, citizenLanguage: "sv")));
        Assert.IsEmpty(Mismatch(Reply(SwedishReply, "Vastatkaa suomeksi, kiitos. Olen asiakas.", citizenLanguage: "sv")));
    }

    [TestMethod]
    public void The_language_of_the_promise_counts_without_any_quoted_history() =>
        Assert.HasCount(1, Mismatch(Reply(SwedishReply, null, citizenLanguage: "en")));

    [TestMethod]
    public void Without_a_promise_or_quoted_history_nothing_is_said() =>
        Assert.IsEmpty(Mismatch(Reply(SwedishReply, null)));

    [TestMethod]
    [DataRow(SwedishReply)]
    [DataRow(FinnishReply)]
    public void A_quoted_history_too_short_to_tell_says_nothing(string reply) =>
        Assert.IsEmpty(Mismatch(Reply(reply, "Moi!")));

    [TestMethod]
    [DataRow("Tack!", DisplayName = "no common word")]
    [DataRow("Tack, Matti!", DisplayName = "one common word")]
    [DataRow("Hei Matti, tack!", DisplayName = "one Swedish and one Finnish word")]
    public void A_reply_too_short_to_tell_says_nothing(string reply) =>
        Assert.IsEmpty(Mismatch(Reply(reply, FinnishMail)));

    [TestMethod]
    public void A_reply_just_long_enough_to_tell_is_reviewed() =>
        Assert.HasCount(1, Mismatch(Reply("Hej Matti, tack!", FinnishMail)));

    [TestMethod]
    public void A_reply_in_both_languages_is_right()
    {
        var both = FinnishReply + "\n\n" + SwedishReply + " Jag skriver också på svenska, så att du kan visa brevet för din granne om du vill.";

        Assert.IsEmpty(Mismatch(Reply(both, FinnishMail)));
    }

    [TestMethod]
    public void A_Finnish_greeting_on_the_same_line_does_not_make_the_reply_Finnish() =>
        Assert.HasCount(1, Mismatch(Reply("Hei! " + SwedishReply + " Du kan också ringa mig om du vill.", FinnishMail)));
}

[TestClass]
public sealed class CitizenLanguageRequestTests
{
    private static KontaktlofteFactory _api = null!;

    [ClassInitialize]
    public static void Start(TestContext _) => _api = new KontaktlofteFactory();

    [ClassCleanup]
    public static void Stop() => _api.Dispose();

    private static object Draft(string? citizenLanguage) => new
    {
        subject = "Svar: Bygglov",
        bodyText = "Hej Matti, tack för ditt mejl. Du får svar om bygglovet i nästa vecka.",
        to = new[] { new { name = "Matti Virtanen", address = "matti@example.fi" } },
        isReply = true,
        citizenLanguage,
    };

    [TestMethod]
    public async Task The_citizens_language_is_read_from_the_request()
    {
        var response = await _api.Official().PostAsJsonAsync("/api/drafts/review", Draft("fi"));

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        var findings = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("rule").GetString() == "language.mismatch").ToList();
        Assert.HasCount(1, findings);
        Assert.AreEqual("info", findings[0].GetProperty("severity").GetString());
    }

    [TestMethod]
    [DataRow("de")]
    [DataRow("FI")]
    [DataRow("")]
    public async Task An_unknown_citizen_language_is_a_400_in_Swedish(string language)
    {
        var response = await _api.Official().PostAsJsonAsync("/api/drafts/review", Draft(language));

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
        StringAssert.Contains(await response.Content.ReadAsStringAsync(), "citizenLanguage ska vara");
    }

    [TestMethod]
    public async Task Without_a_citizen_language_the_review_is_as_before()
    {
        var response = await _api.Official().PostAsJsonAsync("/api/drafts/review", Draft(null));

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        StringAssert.DoesNotMatch(await response.Content.ReadAsStringAsync(), new System.Text.RegularExpressions.Regex("language\\.mismatch"));
    }
}
