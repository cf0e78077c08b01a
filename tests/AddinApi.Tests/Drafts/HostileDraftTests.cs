using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Kontaktlofte.AddinApi.Drafts;
using Kontaktlofte.AddinApi.Problems;

namespace Kontaktlofte.AddinApi.Tests.Drafts;

/// <summary>
/// Drafts just under the 2 MB body limit, built to be slow or to make the answer huge, are answered: reviewed,
/// or refused with a Swedish 422 when the markup is too complex to tell own text, signature and history apart.
/// How fast: tests/AddinApi.Benchmarks (DraftReviewBenchmarks); here, what the answer is.
/// </summary>
[TestClass]
public sealed class HostileDraftTests
{
    private const int AlmostTwoMegabytes = 1_900_000;

    private static KontaktlofteFactory _api = null!;

    [ClassInitialize]
    public static void Start(TestContext _) => _api = new KontaktlofteFactory();

    [ClassCleanup]
    public static void Stop() => _api.Dispose();

    private static string Repeat(string part, int times) => new StringBuilder(part.Length * times).Insert(0, part, times).ToString();

    private static string Filled(string part) => Repeat(part, AlmostTwoMegabytes / part.Length);

    /// <summary>As the add-in's JSON.stringify writes it: "&lt;" stays one character, so the body stays under the limit.</summary>
    private static readonly JsonSerializerOptions AsTheAddinWrites = new(JsonSerializerDefaults.Web)
        { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static Task<HttpResponseMessage> PostAsync(object draft) =>
        _api.Official().PostAsJsonAsync("/api/drafts/review", draft, AsTheAddinWrites);

    private static async Task<(HttpStatusCode Status, JsonElement Body)> ReviewAsync(object draft)
    {
        var response = await PostAsync(draft);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    private static int Words(JsonElement review) => review.GetProperty("metrics").GetProperty("words").GetInt32();

    private static List<JsonElement> Findings(JsonElement review, string rule) =>
        review.GetProperty("findings").EnumerateArray().Where(f => f.GetProperty("rule").GetString() == rule).ToList();

    [TestMethod]
    [DataRow("<div>", 100_000, DisplayName = "100,000 nested div (1.1 MB)")]
    [DataRow("<blockquote>", 100_000, DisplayName = "100,000 nested blockquote")]
    [DataRow("<ul><li>", 100_000, DisplayName = "100,000 nested lists")]
    public async Task Markup_nested_deeper_than_any_mail_is_refused_in_swedish(string open, int times)
    {
        var (status, problem) = await ReviewAsync(new { subject = "Svar", bodyHtml = Repeat(open, times) + "Hej Anna!" });

        Assert.AreEqual(HttpStatusCode.UnprocessableEntity, status);
        Assert.AreEqual("Begäran kan inte utföras", problem.GetProperty("title").GetString());
        StringAssert.StartsWith(problem.GetProperty("detail").GetString(), "Mejlet är för komplext att granska");
    }

    [TestMethod]
    public async Task Formatting_the_parser_must_reopen_for_every_paragraph_is_refused()
    {
        var html = string.Concat(Enumerable.Range(0, 2_000).Select(i => $"<p><b id=\"{i}\">x"));

        var (status, _) = await ReviewAsync(new { subject = "Svar", bodyHtml = html });

        Assert.AreEqual(HttpStatusCode.UnprocessableEntity, status);
    }

    [TestMethod]
    public async Task One_word_of_almost_two_megabytes_is_one_long_word()
    {
        var (status, review) = await ReviewAsync(new { subject = "Svar", bodyHtml = "<div>" + new string('a', AlmostTwoMegabytes) + "</div>" });

        Assert.AreEqual(HttpStatusCode.OK, status);
        Assert.AreEqual(1, Words(review));
        Assert.AreEqual(1, review.GetProperty("metrics").GetProperty("longWords").GetInt32());
    }

    [TestMethod]
    public async Task Almost_two_megabytes_of_one_letter_words_are_counted_and_found_too_long()
    {
        var (status, review) = await ReviewAsync(new { subject = "Svar", bodyText = Filled("a ") });

        Assert.AreEqual(HttpStatusCode.OK, status);
        Assert.AreEqual(AlmostTwoMegabytes / 2, Words(review));
        Assert.AreEqual(1, Findings(review, "plain.too-long").Count);
    }

    [TestMethod]
    public async Task A_hundred_thousand_tiny_paragraphs_are_each_a_sentence()
    {
        var (status, review) = await ReviewAsync(new { subject = "Svar", bodyHtml = Repeat("<p>Hej.</p>", 100_000) });

        Assert.AreEqual(HttpStatusCode.OK, status);
        Assert.AreEqual(100_000, Words(review));
        Assert.AreEqual(100_000, review.GetProperty("metrics").GetProperty("sentences").GetInt32());
    }

    [TestMethod]
    public async Task A_div_with_a_hundred_thousand_attributes_is_read_for_its_text()
    {
        var attributes = string.Join(' ', Enumerable.Range(0, 100_000).Select(i => $"data-a{i}=\"x\""));

        var (status, review) = await ReviewAsync(new { subject = "Svar", bodyHtml = $"<div {attributes}>Hej Anna!</div>" });

        Assert.AreEqual(HttpStatusCode.OK, status);
        Assert.AreEqual(2, Words(review));
    }

    [TestMethod]
    public async Task A_subject_of_almost_two_megabytes_of_personal_ids_blocks_with_a_bounded_answer()
    {
        var (status, review) = await ReviewAsync(new { subject = Filled("811218-9876 "), bodyText = "Hej!" });

        Assert.AreEqual(HttpStatusCode.OK, status);
        Assert.AreEqual("block", review.GetProperty("verdict").GetString());
        Assert.AreEqual(DraftReviewer.MaxFindingsOfAKind, Findings(review, "confidential.subject").Count);
    }

    [TestMethod]
    [DataRow("3/12 ", "dates.format", DisplayName = "380,000 dates (a 90 MB answer before)")]
    [DataRow("!!! ", "tone.shouting", DisplayName = "475,000 exclamations")]
    public async Task Text_repeating_one_finding_gets_the_first_of_them_not_a_huge_answer(string part, string rule)
    {
        var response = await PostAsync(new { subject = "Svar", bodyText = Filled(part) });
        var answer = await response.Content.ReadAsByteArrayAsync();

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(answer);
        var found = Findings(json.RootElement, rule);
        Assert.AreEqual(DraftReviewer.MaxFindingsOfAKind, found.Count);
        Assert.AreEqual(0, found[0].GetProperty("start").GetInt32(), "the first ones, in text order");
        Assert.IsTrue(answer.Length < 100_000, $"an answer of {answer.Length} bytes");
    }

    [TestMethod]
    public async Task A_body_just_over_the_limit_is_still_a_413()
    {
        var body = new string('a', (int)ProblemAnswers.MaxRequestBodyBytes);

        var response = await PostAsync(new { bodyText = body });

        Assert.AreEqual(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [TestMethod]
    public void Capping_findings_keeps_every_severity_so_the_verdict_stands()
    {
        // 30 sensitive-data warnings before a personal id (an error, to a citizen): the error is still found.
        var own = Repeat("Diagnosen gäller din sjukdom. ", 30) + "Ditt personnummer 811218-9876 finns i ärendet.";

        var review = Reviewing.ReviewReply(own);

        Assert.AreEqual(Verdict.Block, review.Verdict);
        Assert.AreEqual(1, review.Of("confidential.personal-id").Count);
        Assert.IsTrue(review.Of("confidential.sensitive-data").Count <= DraftReviewer.MaxFindingsOfAKind);
    }
}
