using System.Net;
using System.Text.Json;
using Kontaktlofte.AddinApi.Auth;
using Kontaktlofte.AddinApi.Platform;
using System.Globalization;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace Kontaktlofte.AddinApi.Tests.Platform;

/// <summary>
/// Security on the web: the headers and the add-in pages' Content-Security-Policy, CORS only for configured origins, each
/// user's own rate limit (429, Retry-After, Swedish), HTTPS and HSTS outside development, and the split health checks.
/// </summary>
[TestClass]
public sealed class WebSecurityTests
{
    private const string AddinOrigin = "https://kontaktlofte.botkyrka.se";

    private static KontaktlofteFactory Api(params (string Key, string Value)[] settings) =>
        new(settings: settings.ToDictionary(s => s.Key, s => (string?)s.Value));

    private static HttpClient Client(KontaktlofteFactory api, string email)
    {
        var client = api.ClientAs(Roles.Handlaggare);
        client.DefaultRequestHeaders.Add(TestAuthHandler.EmailHeader, email);
        return client;
    }

    [TestMethod]
    public async Task The_task_pane_may_run_scripts_from_itself_and_the_office_js_cdn_only()
    {
        using var api = Api();
        var response = await api.CreateClient().GetAsync("/addin/taskpane.html");

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        var policy = Directives(response);
        Assert.AreEqual("'self' https://appsforoffice.microsoft.com", policy["script-src"]);
        Assert.AreEqual("'self' 'unsafe-inline'", policy["style-src"], "a mail's HTML is styled inline in the preview frames");
        Assert.AreEqual("'none'", policy["object-src"]);
        Assert.AreEqual("'self'", policy["base-uri"]);
        StringAssert.Contains(policy["connect-src"], "https://login.microsoftonline.com");
        Assert.IsFalse(policy.ContainsKey("frame-ancestors"), "Outlook frames the pane from hosts Microsoft changes: not restricted by default");
        Assert.AreEqual("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.AreEqual("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [TestMethod]
    public async Task The_pane_can_be_limited_to_named_office_hosts()
    {
        using var api = Api(("Security:FrameAncestors:0", "https://outlook.office.com"), ("Security:FrameAncestors:1", "https://outlook.office365.com"));
        var client = api.CreateClient();

        Assert.AreEqual("https://outlook.office.com https://outlook.office365.com",
            Directives(await client.GetAsync("/addin/taskpane.html"))["frame-ancestors"]);
        Assert.AreEqual("https://outlook.office.com https://outlook.office365.com",
            Directives(await client.GetAsync("/addin/launchevent.html"))["frame-ancestors"], "the send handler's page runs in Outlook too");
    }

    [TestMethod]
    public async Task An_api_answer_may_not_be_framed_or_run_as_a_page()
    {
        using var api = Api();
        var response = await Client(api, "anna@botkyrka.se").GetAsync("/api/me");

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.AreEqual("default-src 'none'; frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.AreEqual("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [TestMethod]
    public void Another_cloud_s_sign_in_is_allowed_to_be_called_by_the_pane() =>
        StringAssert.Contains(WebSecurity.PagePolicy(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["AzureAd:Instance"] = "https://login.microsoftonline.us/" }).Build()),
            "connect-src 'self' https://appsforoffice.microsoft.com https://login.microsoftonline.us;");

    [TestMethod]
    public async Task Only_a_configured_origin_may_call_the_api_from_a_browser()
    {
        using var api = Api(("Security:CorsOrigins:0", AddinOrigin));
        var client = api.CreateClient();

        var allowed = await client.SendAsync(Preflight(AddinOrigin));
        Assert.AreEqual(AddinOrigin, allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        StringAssert.Contains(string.Join(",", allowed.Headers.GetValues("Access-Control-Allow-Headers")).ToLowerInvariant(), "authorization");

        var other = await client.SendAsync(Preflight("https://elak.example.com"));
        Assert.IsFalse(other.Headers.Contains("Access-Control-Allow-Origin"), "an origin not configured gets no CORS answer");
    }

    [TestMethod]
    public async Task Without_configured_origins_no_other_origin_may_call_it()
    {
        using var api = Api();
        var response = await api.CreateClient().SendAsync(Preflight(AddinOrigin));

        Assert.IsFalse(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [TestMethod]
    public void A_cors_origin_with_a_path_stops_the_start_with_the_key_named()
    {
        using var api = Api(("Security:CorsOrigins:0", "https://kontaktlofte.botkyrka.se/addin"));

        var error = Assert.ThrowsExactly<Microsoft.Extensions.Options.OptionsValidationException>(() => api.CreateClient());
        StringAssert.Contains(error.Message, "Security:CorsOrigins");
    }

    [TestMethod]
    public async Task Over_the_burst_a_user_gets_a_429_in_swedish_with_retry_after_and_another_user_is_not_held_up()
    {
        using var api = Api(("Security:RateLimit:Enabled", "true"), ("Security:RateLimit:Burst", "3"), ("Security:RateLimit:PerSecond", "1"));
        var anna = Client(api, "anna@botkyrka.se");

        for (var i = 0; i < 3; i++)
            Assert.AreEqual(HttpStatusCode.OK, (await anna.GetAsync("/api/me")).StatusCode, $"request {i + 1} of the burst");
        var refused = await anna.GetAsync("/api/me");

        Assert.AreEqual(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.IsTrue(int.Parse(refused.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture) is >= 1 and <= 2);
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.AreEqual("För många förfrågningar", problem.RootElement.GetProperty("title").GetString());
        StringAssert.Contains(problem.RootElement.GetProperty("detail").GetString(), "försök igen");
        Assert.AreEqual(HttpStatusCode.OK, (await Client(api, "bertil@botkyrka.se").GetAsync("/api/me")).StatusCode, "each user has a bucket of their own");
        Assert.AreEqual(HttpStatusCode.OK, (await api.CreateClient().GetAsync("/healthz")).StatusCode, "the load balancer is never limited");
    }

    [TestMethod]
    public async Task A_pane_that_reviews_every_few_seconds_never_meets_the_default_limit()
    {
        using var api = Api(("Security:RateLimit:Enabled", "true"));
        var anna = Client(api, "anna@botkyrka.se");

        // Twenty mails opened in the pane (about ten calls each) without a pause, less a few: 190 at once.
        var answers = await Task.WhenAll(Enumerable.Range(0, 190).Select(_ => anna.GetAsync("/api/me")));

        Assert.IsTrue(answers.All(a => a.StatusCode == HttpStatusCode.OK), string.Join(",", answers.Select(a => (int)a.StatusCode).Distinct()));
    }

    [TestMethod]
    public async Task Outside_development_http_is_sent_to_https_and_https_answers_carry_hsts()
    {
        using var api = Api(("Security:RequireHttps", "true"), ("HTTPS_PORT", "443"));
        var http = api.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://kontaktlofte.botkyrka.se") });
        var https = api.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://kontaktlofte.botkyrka.se") });

        var redirected = await http.GetAsync("/addin/taskpane.html");
        Assert.AreEqual(HttpStatusCode.TemporaryRedirect, redirected.StatusCode);
        Assert.AreEqual("https://kontaktlofte.botkyrka.se/addin/taskpane.html", redirected.Headers.Location!.ToString());
        var secure = await https.GetAsync("/addin/taskpane.html");
        Assert.AreEqual("max-age=31536000", secure.Headers.GetValues("Strict-Transport-Security").Single());
        Assert.AreEqual(HttpStatusCode.OK, (await http.GetAsync("/healthz/live")).StatusCode, "the orchestrator's probe in plain HTTP is answered");
    }

    [TestMethod]
    public async Task In_development_plain_http_is_served_as_it_is()
    {
        using var api = Api();
        var http = api.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://kontaktlofte.botkyrka.se") });

        var response = await http.GetAsync("/addin/taskpane.html");

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.IsFalse(response.Headers.Contains("Strict-Transport-Security"));
    }

    [TestMethod]
    [DataRow("/healthz")]
    [DataRow("/healthz/ready")]
    [DataRow("/healthz/live")]
    public async Task The_health_checks_answer_without_signing_in(string path)
    {
        using var api = Api();
        var response = await api.CreateClient().GetAsync(path);

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.AreEqual("Healthy", await response.Content.ReadAsStringAsync());
    }

    [TestMethod]
    public async Task Without_its_database_the_instance_is_alive_but_not_ready()
    {
        var folder = System.IO.Directory.CreateTempSubdirectory("kontaktlofte-health-");
        var database = Path.Combine(folder.FullName, "kontaktlofte.db");
        using var api = new KontaktlofteFactory(database: database);
        var client = api.CreateClient();
        Assert.AreEqual(HttpStatusCode.OK, (await client.GetAsync("/healthz/ready")).StatusCode);

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        folder.Delete(recursive: true); // the database is gone (a disk unmounted, a volume lost)

        Assert.AreEqual(HttpStatusCode.OK, (await client.GetAsync("/healthz/live")).StatusCode);
        Assert.AreEqual(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/healthz/ready")).StatusCode);
        Assert.AreEqual(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/healthz")).StatusCode);
    }

    private static HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/api/me");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "GET");
        request.Headers.Add("Access-Control-Request-Headers", "authorization");
        return request;
    }

    private static Dictionary<string, string> Directives(HttpResponseMessage response) =>
        response.Headers.GetValues("Content-Security-Policy").Single().Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(d => d.Split(' ', 2)).ToDictionary(d => d[0], d => d.Length > 1 ? d[1] : "");
}
