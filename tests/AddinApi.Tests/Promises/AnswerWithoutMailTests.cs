using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Kontaktlofte.AddinApi.Tests.Promises;

/// <summary>A phone call keeps the promise too, though it leaves no sent mail (telefoniriktlinjen: ring upp inom två arbetsdagar).</summary>
[TestClass]
public sealed class AnswerWithoutMailTests
{
    private KontaktlofteFactory _api = null!;
    private HttpClient _official = null!;

    [TestInitialize]
    public void Start()
    {
        _api = new KontaktlofteFactory();
        _official = _api.SandboxOfficial();
    }

    [TestCleanup]
    public void Stop() => _api.Dispose();

    [TestMethod]
    public async Task A_callback_marked_called_back_is_answered()
    {
        var id = await _official.MessageIdAsync("Ring upp: fråga om parkeringstillstånd");
        Assert.AreNotEqual("answered", (await _official.GetFromJsonAsync<JsonElement>($"/api/messages/{id}/promise")).GetProperty("state").GetString());

        var response = await _official.PutAsJsonAsync($"/api/messages/{id}/state", new { state = "called-back", note = "Ringde kl. 10, han fick svar." });

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        var promise = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.AreEqual("answered", promise.GetProperty("state").GetString());
        Assert.AreEqual("called-back", promise.GetProperty("answeredHow").GetString());
        Assert.AreEqual("Ringde kl. 10, han fick svar.", promise.GetProperty("answerNote").GetString());
        Assert.AreEqual("answered", (await _official.GetFromJsonAsync<JsonElement>($"/api/messages/{id}/promise")).GetProperty("state").GetString());
    }

    [TestMethod]
    [DataRow("{\"state\":\"answered\"}", "state")]
    [DataRow("{\"state\":null}", "state")]
    [DataRow("{}", "state")]
    [DataRow("{\"state\":\"called-back\",\"note\":\"Personnummer 811218-9876\"}", "note")]
    public async Task A_wrong_state_or_a_personal_id_in_the_note_is_a_swedish_400(string body, string field)
    {
        var id = await _official.MessageIdAsync("Ring upp: fråga om parkeringstillstånd");

        var response = await _official.PutAsync($"/api/messages/{id}/state", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.IsTrue(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.AreNotEqual("answered", (await _official.GetFromJsonAsync<JsonElement>($"/api/messages/{id}/promise")).GetProperty("state").GetString());
    }

    [TestMethod]
    public async Task A_note_of_200_characters_is_kept_and_201_is_refused()
    {
        var id = await _official.MessageIdAsync("Ring upp: fråga om parkeringstillstånd");

        var tooLong = await _official.PutAsJsonAsync($"/api/messages/{id}/state", new { state = "answered-elsewhere", note = new string('a', 201) });
        var longest = await _official.PutAsJsonAsync($"/api/messages/{id}/state", new { state = "answered-elsewhere", note = new string('a', 200) });

        Assert.AreEqual(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.AreEqual(HttpStatusCode.OK, longest.StatusCode);
    }
}
