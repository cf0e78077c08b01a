using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kontaktlofte.AddinApi.Tests.Auth;

namespace Kontaktlofte.AddinApi.Tests.Addin;

/// <summary>
/// The unit head's coverage page outside Outlook is served at /coverage (Entra's SPA redirect URI) and /coverage/, the
/// same in the sandbox and with Entra ID; the page is open HTML, its data is not.
/// </summary>
[TestClass]
public sealed class CoveragePageTests
{
    private static async Task AssertThePageAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, path);
        Assert.AreEqual("text/html", response.Content.Headers.ContentType?.MediaType, path);
        var html = await response.Content.ReadAsStringAsync();
        StringAssert.Contains(html, "<html lang=\"sv\">");
        StringAssert.Contains(html, "src=\"/addin/coverage.js\"", "absolute: the page's files resolve from /coverage/ too");
        StringAssert.Contains(html, "<main id=\"main\"");
        // The add-in's page policy fits the page: its own scripts, the API and Entra (MSAL's redirect sign-in and silent
        // renewal); nobody else may frame it, as it is no Office pane.
        var policy = string.Join(';', response.Headers.GetValues("Content-Security-Policy"));
        StringAssert.Contains(policy, "script-src 'self' https://appsforoffice.microsoft.com;");
        StringAssert.Contains(policy, "connect-src 'self' https://appsforoffice.microsoft.com https://login.microsoftonline.com;");
        StringAssert.Contains(policy, "frame-src 'self' https://login.microsoftonline.com;");
        StringAssert.EndsWith(policy, "frame-ancestors 'self'");
        Assert.AreEqual("no-cache", response.Headers.CacheControl?.ToString());
        var script = await client.GetAsync("/addin/coverage.js");
        Assert.AreEqual(HttpStatusCode.OK, script.StatusCode);
        Assert.AreEqual("text/javascript", script.Content.Headers.ContentType?.MediaType);
    }

    [TestMethod]
    [DataRow("/coverage")]
    [DataRow("/coverage/")]
    public async Task The_sandbox_serves_the_page_and_says_it_is_the_sandbox(string path)
    {
        await using var api = new KontaktlofteFactory(sandboxIdentity: true);
        var client = api.CreateClient();

        await AssertThePageAsync(client, path);
        Assert.IsTrue((await client.GetFromJsonAsync<JsonElement>("/addin/config.json")).GetProperty("sandbox").GetBoolean());
    }

    [TestMethod]
    [DataRow("/coverage")]
    [DataRow("/coverage/")]
    public async Task With_entra_id_the_page_is_served_and_its_data_needs_a_unit_heads_token(string path)
    {
        var settings = FakeEntra.Settings();
        settings["Mailbox:Adapter"] = "Sandbox";
        await using var api = new KontaktlofteFactory(sandboxIdentity: true, settings: settings, services: new FakeEntra().Configure);
        var client = api.CreateClient();

        await AssertThePageAsync(client, path);
        var config = await client.GetFromJsonAsync<JsonElement>("/addin/config.json");
        Assert.IsFalse(config.GetProperty("sandbox").GetBoolean());
        StringAssert.EndsWith(config.GetProperty("apiScope").GetString(), "/access_as_user", "the same scope as the pane's");
        Assert.AreEqual(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/units/mine/coverage")).StatusCode);
        var official = new HttpRequestMessage(HttpMethod.Get, "/api/units/mine/coverage");
        official.Headers.Authorization = new("Bearer", FakeEntra.AccessToken(2, roles: [Kontaktlofte.AddinApi.Auth.Roles.Handlaggare]));
        Assert.AreEqual(HttpStatusCode.Forbidden, (await client.SendAsync(official)).StatusCode, "the page's 'bara för enhetschefer'");
    }
}
