using System.Net;
using System.Text.Json;

namespace Kontaktlofte.AddinApi.Tests.Health;

[TestClass]
public sealed class HealthAndDocumentationTests
{
    private static KontaktlofteFactory _api = null!;

    [ClassInitialize]
    public static void Start(TestContext _) => _api = new KontaktlofteFactory();

    [ClassCleanup]
    public static void Stop() => _api.Dispose();

    [TestMethod]
    public async Task The_health_check_answers_without_signing_in()
    {
        var response = await _api.CreateClient().GetAsync("/healthz");

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.AreEqual("Healthy", await response.Content.ReadAsStringAsync());
    }

    [TestMethod]
    public async Task Swagger_documents_the_review_with_its_doc_comments_and_string_enums()
    {
        var json = await _api.CreateClient().GetStringAsync("/swagger/v1/swagger.json");
        using var document = JsonDocument.Parse(json);

        var review = document.RootElement.GetProperty("paths").GetProperty("/api/drafts/review").GetProperty("post");
        Assert.AreEqual("Granska ett svar innan det skickas", review.GetProperty("summary").GetString());
        Assert.AreEqual("ReviewDraft", review.GetProperty("operationId").GetString());
        StringAssert.Contains(json, "Index into the plain text of that part");
        var verdict = document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("Verdict");
        CollectionAssert.AreEquivalent(new[] { "ok", "warn", "block" },
            verdict.GetProperty("enum").EnumerateArray().Select(e => e.GetString()).ToArray());
    }

    [TestMethod]
    public async Task Swagger_ui_is_served_at_swagger()
    {
        var response = await _api.CreateClient().GetAsync("/swagger/index.html");

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [TestMethod]
    public async Task An_unknown_address_is_a_404_problem_in_swedish()
    {
        var response = await _api.Official().GetAsync("/api/finns-inte");

        Assert.AreEqual(HttpStatusCode.NotFound, response.StatusCode);
        StringAssert.Contains(await response.Content.ReadAsStringAsync(), "Hittades inte");
    }
}
