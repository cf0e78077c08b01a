using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Kontaktlofte.AddinApi.Auth;
using Kontaktlofte.AddinApi.Data;
using Kontaktlofte.AddinApi.Outbox;
using Kontaktlofte.AddinApi.Tests.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kontaktlofte.AddinApi.Tests.Mailbox.Graph;

/// <summary>
/// The API as it would run in Botkyrka's tenant: real JWTs validated by Microsoft.Identity.Web, real MSAL acquiring
/// tokens on behalf of the official from a fake Entra (and keeping them in the database), the real Graph SDK calling a
/// fake Graph that takes only the tokens Entra issued. Each test is a failure that the earlier, kinder fakes could not see.
/// </summary>
[TestClass]
public sealed class RealTenantTests
{
    private const string MessageId = "AAkALgAAAAAAHYQDEapmEc2byACqAC-EWg0AnMdP0zg8UEyYrHoCYwuxtwAAAgEMAAAA";
    private const string Conversation = "AAQkADAwATM0MDAAMS1iZjE2LWVmZjgtMDACLTAwCgAQAKM=";
    private static readonly DateTimeOffset Friday = new(2026, 11, 27, 16, 5, 0, TimeSpan.FromHours(1));

    private FakeGraph _graph = null!;
    private FakeEntra _entra = null!;
    private string _database = null!;
    private readonly List<KontaktlofteFactory> _apis = [];

    [TestInitialize]
    public async Task Start()
    {
        _graph = await FakeGraph.StartAsync();
        _entra = new FakeEntra();
        _graph.AcceptToken = _entra.IsValidGraphToken;
        _graph.AddMessage(MessageId, "Bygglov för uterum", "<p>Behöver jag bygglov för ett uterum på 15 kvadratmeter?</p>", Friday, Conversation);
        _database = KontaktlofteFactory.NewDatabasePath();
    }

    [TestCleanup]
    public async Task Stop()
    {
        foreach (var api in _apis) await api.DisposeAsync();
        await _graph.DisposeAsync();
        _entra.Dispose();
        if (File.Exists(_database)) File.Delete(_database);
    }

    private KontaktlofteFactory Api(DateTimeOffset? now = null, Dictionary<string, string?>? more = null)
    {
        var settings = FakeEntra.Settings();
        settings["Mailbox:Adapter"] = "Graph";
        settings["Graph:BaseUrl"] = _graph.BaseUrl + "/v1.0";
        settings["Graph:MaxRetries"] = "1";
        settings["Outbox:PollInterval"] = "00:00:00.200";
        foreach (var (key, value) in more ?? []) settings[key] = value;
        var api = new KontaktlofteFactory(sandboxIdentity: true, settings: settings, now: now, database: _database, services: _entra.Configure);
        _apis.Add(api);
        return api;
    }

    private static HttpClient Official(KontaktlofteFactory api, int version = 2, bool withAddress = true)
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Bearer", FakeEntra.AccessToken(version, roles: [Roles.Handlaggare], withAddress: withAddress));
        return client;
    }

    private static Task<HttpResponseMessage> Acknowledge(HttpClient client, string id, string key = "nyckel-1")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/messages/{Uri.EscapeDataString(id)}/acknowledgement")
        {
            Content = JsonContent.Create(new { promisedDate = "2026-12-08" }),
        };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }

    private static async Task<string?> Status(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString();

    private static async Task<OutboxItem> DeliveryAsync(KontaktlofteFactory api)
    {
        await using var scope = api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KontaktlofteDb>().Set<OutboxItem>().AsNoTracking().SingleAsync();
    }

    /// <summary>The receipt's delivery once the outbox has given it a verdict (sent or failed), or as it stands after 20 s.</summary>
    private static async Task<OutboxItem> SettledAsync(KontaktlofteFactory api)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        var delivery = await DeliveryAsync(api);
        while (delivery.Status == OutboxStatus.Queued && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            delivery = await DeliveryAsync(api);
        }
        return delivery;
    }

    private static async Task WaitFor(Func<bool> done, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!done() && DateTime.UtcNow < deadline) await Task.Delay(100);
    }

    // 6 — inside a request the user's token, cached by MSAL; the long-running session only where the outbox needs it.
    [TestMethod]
    public async Task One_acknowledgement_costs_at_most_two_token_requests_to_entra()
    {
        var response = await Acknowledge(Official(Api()), MessageId);

        Assert.AreEqual("sent", await Status(response));
        Assert.IsLessThanOrEqualTo(2, _entra.TokenRequests.Count,
            $"one on-behalf-of exchange for the request's calls and one to start the background session; Entra saw {_entra.TokenRequests.Count}");
        Assert.IsGreaterThanOrEqualTo(5, _graph.Requests.Count, "read, createReply, draft check, send, mark — each with a token Entra issued");
    }

    // 2 — the session the outbox sends with survives a restart (the token cache is the database, encrypted).
    [TestMethod]
    public async Task A_queued_receipt_is_sent_after_a_restart_with_the_session_kept_in_the_database()
    {
        _graph.SendAlwaysFails = true;
        var first = Api();
        Assert.AreEqual("queued", await Status(await Acknowledge(Official(first), MessageId)));
        await first.DisposeAsync();
        var before = _entra.TokenRequests.Count;

        _graph.SendAlwaysFails = false;
        var restarted = Api(now: Friday.AddDays(1));
        _ = restarted.CreateClient();
        // Graph counts the send before the outbox has written it down (the mark comes in between): wait for the record.
        var delivery = await SettledAsync(restarted);

        Assert.AreEqual(1, _graph.SuccessfulSends, "sent by the outbox, without the official, after the restart");
        Assert.AreEqual(OutboxStatus.Sent, delivery.Status);
        Assert.AreEqual(0, _entra.TokenRequests.Skip(before).Count(r => r["grant_type"] != "refresh_token"),
            "the background send continues the stored session; it never needs the official's token again");
    }

    // 2, 4 — a session Entra no longer honours is a dead letter at once, with a reason the official can act on.
    [TestMethod]
    public async Task A_revoked_session_makes_a_dead_letter_at_once_that_the_pane_shows()
    {
        _entra.AccessTokenSeconds = 60; // under MSAL's five minutes: the background send must refresh
        _graph.SendAlwaysFails = true;
        var first = Api();
        Assert.AreEqual("queued", await Status(await Acknowledge(Official(first), MessageId)));
        await first.DisposeAsync();
        _entra.RevokeRefreshTokens();

        _graph.SendAlwaysFails = false;
        var restarted = Api(now: Friday.AddDays(1));
        var official = Official(restarted);
        var delivery = await SettledAsync(restarted);

        Assert.AreEqual(OutboxStatus.Failed, delivery.Status, "no retrying every ten minutes for a session that cannot come back");
        Assert.AreEqual(1, delivery.Attempts - 1, "given up at the first background attempt (the first was the request's)");
        StringAssert.Contains(delivery.LastError, "Öppna meddelandet i Outlook och skicka igen");
        Assert.AreEqual(0, _graph.SuccessfulSends);
        var listed = (await official.GetFromJsonAsync<List<JsonElement>>($"/api/messages/{MessageId}/acknowledgements"))!.Single();
        Assert.AreEqual("failed", listed.GetProperty("status").GetString());
        StringAssert.Contains(listed.GetProperty("error").GetString(), "Inloggningen mot Microsoft 365 har gått ut");
    }

    // 4 — Conditional Access during the on-behalf-of exchange: a 401 with the claims the add-in asks Entra with.
    [TestMethod]
    public async Task Entra_asking_for_mfa_is_a_401_with_the_claims_challenge_the_addin_retries_with()
    {
        _entra.NextOnBehalfOf.Enqueue(FakeEntra.ClaimsChallenge());

        var response = await Official(Api()).GetAsync($"/api/messages/{MessageId}/promise");

        Assert.AreEqual(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = response.Headers.WwwAuthenticate.Single();
        Assert.AreEqual("Bearer", challenge.Scheme);
        StringAssert.Contains(challenge.Parameter, "error=\"insufficient_claims\"");
        var claims = System.Text.RegularExpressions.Regex.Match(challenge.Parameter!, "claims=\"([^\"]+)\"").Groups[1].Value;
        Assert.AreEqual(FakeEntra.MfaClaims, Encoding.UTF8.GetString(Convert.FromBase64String(claims)), "as the add-in's atob() reads it");
        StringAssert.Contains((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), "loggar in på nytt");
    }

    [TestMethod]
    public async Task A_revoked_session_in_a_request_is_a_401_that_makes_the_addin_fetch_a_fresh_token()
    {
        _entra.NextOnBehalfOf.Enqueue(FakeEntra.SessionRevoked());

        var response = await Official(Api()).GetAsync($"/api/messages/{MessageId}/promise");

        Assert.AreEqual(HttpStatusCode.Unauthorized, response.StatusCode, "a 403 would leave the add-in with its cached token and no way on");
        var claims = System.Text.RegularExpressions.Regex.Match(response.Headers.WwwAuthenticate.Single().Parameter!, "claims=\"([^\"]+)\"").Groups[1].Value;
        StringAssert.Contains(Encoding.UTF8.GetString(Convert.FromBase64String(claims)), "\"nbf\":{\"essential\":true", "a token issued from now on");
    }

    [TestMethod]
    public async Task A_client_credential_entra_refuses_keeps_receipts_waiting_for_it()
    {
        var response = await Official(Api(more: new() { ["AzureAd:ClientSecret"] = "en-utgången-hemlighet" })).GetAsync($"/api/messages/{MessageId}/promise");

        Assert.AreEqual(HttpStatusCode.ServiceUnavailable, response.StatusCode, "IT renews the secret; nothing is lost meanwhile");
        StringAssert.Contains((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), "förnya");
    }

    [TestMethod]
    public async Task Consent_missing_is_a_403_in_swedish_not_a_500()
    {
        _entra.NextOnBehalfOf.Enqueue(FakeEntra.ConsentMissing());

        var response = await Official(Api()).GetAsync($"/api/messages/{MessageId}/promise");

        Assert.AreEqual(HttpStatusCode.Forbidden, response.StatusCode);
        StringAssert.Contains((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), "medgivande");
    }

    // 4 — continuous access evaluation: Graph refuses a token it no longer trusts and names the claims a new one needs.
    private static readonly string RevocationClaims =
        Convert.ToBase64String(Encoding.UTF8.GetBytes("""{"access_token":{"nbf":{"essential":true,"value":"1796461200"}}}"""));

    [TestMethod]
    public async Task Graph_challenging_a_token_makes_the_api_ask_entra_again_with_the_claims()
    {
        _graph.Challenge = token => _entra.IssuedWithClaims(token) ? null : RevocationClaims;

        var response = await Official(Api()).GetAsync($"/api/messages/{MessageId}/promise");

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, await response.Content.ReadAsStringAsync());
        var asked = _entra.TokenRequests.Single(r => r.ContainsKey("claims"));
        StringAssert.Contains(asked["claims"], "1796461200", "MSAL asked Entra with Graph's claims");
    }

    [TestMethod]
    public async Task Graph_challenging_a_token_that_needs_the_user_is_a_401_with_the_claims_for_the_addin()
    {
        _graph.Challenge = token => _entra.IssuedWithClaims(token) ? null : RevocationClaims;
        _entra.UserNeededForClaims = true;

        var response = await Official(Api()).GetAsync($"/api/messages/{MessageId}/promise");

        Assert.AreEqual(HttpStatusCode.Unauthorized, response.StatusCode);
        var claims = System.Text.RegularExpressions.Regex.Match(response.Headers.WwwAuthenticate.Single().Parameter!, "claims=\"([^\"]+)\"").Groups[1].Value;
        Assert.AreEqual(FakeEntra.MfaClaims, Encoding.UTF8.GetString(Convert.FromBase64String(claims)));
    }

    [TestMethod]
    public async Task With_continuous_access_evaluation_on_the_api_tells_entra_it_can_take_claims_challenges()
    {
        var response = await Official(Api(more: new() { ["AzureAd:ClientCapabilities:0"] = "cp1" })).GetAsync($"/api/messages/{MessageId}/promise");

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        StringAssert.Contains(_entra.TokenRequests.First()["claims"], "\"xms_cc\":{\"values\":[\"cp1\"]}", "MSAL sends the client capability");
    }

    [TestMethod]
    public async Task A_mailbox_the_user_may_not_use_is_a_403_in_swedish()
    {
        _graph.DenyAccess = true;

        var response = await Official(Api()).GetAsync($"/api/messages/{MessageId}/promise");

        Assert.AreEqual(HttpStatusCode.Forbidden, response.StatusCode);
        StringAssert.Contains((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), "behörighet");
    }

    // 3 — v1.0 tokens (the README's registration without accessTokenAcceptedVersion) carry no preferred_username.
    [TestMethod]
    [DataRow(1)]
    [DataRow(2)]
    public async Task The_one_click_receipt_works_with_either_token_version(int version)
    {
        var response = await Acknowledge(Official(Api(), version), MessageId);

        Assert.AreEqual(HttpStatusCode.Created, response.StatusCode, await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.AreEqual("hanna.lindqvist@botkyrka.se", body.GetProperty("contactPerson").GetProperty("email").GetString());
    }

    [TestMethod]
    public async Task A_token_without_any_address_gets_it_from_graph_me()
    {
        var me = await Official(Api(), withAddress: false).GetFromJsonAsync<JsonElement>("/api/me");

        Assert.AreEqual("lina.graph@botkyrka.se", me.GetProperty("email").GetString());
    }

    // 1 — a long Retry-After is not waited out inside the request (nor under the outbox's lease).
    [TestMethod]
    public async Task A_long_retry_after_answers_at_once_and_the_outbox_waits_it_out()
    {
        _graph.SendFailures.Enqueue(429);
        _graph.RetryAfterSeconds = 120;
        var api = Api();
        var clock = Stopwatch.StartNew();

        var response = await Acknowledge(Official(api), MessageId);

        Assert.IsLessThan(TimeSpan.FromSeconds(20), clock.Elapsed, "the SDK would have waited 120 s, and the HttpClient timed out at 100 s");
        Assert.AreEqual("queued", await Status(response));
        var delivery = await DeliveryAsync(api);
        Assert.IsGreaterThanOrEqualTo(TimeSpan.FromSeconds(120), delivery.NextAttemptAt - Tests.Drafts.Reviewing.Now, "Graph's Retry-After sets the next attempt");
        Assert.AreEqual(1, _graph.Where("POST", "/send").Count, "no retry inside the call for a wait that long");
    }

    [TestMethod]
    public async Task A_hung_call_times_out_as_a_passing_failure_and_the_receipt_waits_in_the_outbox()
    {
        _graph.SendDelay = TimeSpan.FromSeconds(60);
        var api = Api(more: new() { ["Graph:AttemptTimeout"] = "00:00:02" });
        var clock = Stopwatch.StartNew();

        var response = await Acknowledge(Official(api), MessageId);

        Assert.IsLessThan(TimeSpan.FromSeconds(15), clock.Elapsed);
        Assert.AreEqual("queued", await Status(response));
        var delivery = await DeliveryAsync(api);
        Assert.AreEqual(OutboxStatus.Queued, delivery.Status);
        StringAssert.Contains(delivery.LastError, "inte i tid");
    }

    // 5 — the SDK's retries run out: Graph's status and Retry-After, not a 500.
    [TestMethod]
    public async Task When_the_sdk_gives_up_retrying_the_answer_is_503_with_graphs_retry_after()
    {
        _graph.RetryAfterSeconds = 1;
        foreach (var _ in Enumerable.Range(0, 3)) _graph.ReadFailures.Enqueue(503);

        var response = await Official(Api()).GetAsync($"/api/messages/{MessageId}/promise");

        Assert.AreEqual(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.AreEqual(TimeSpan.FromSeconds(1), response.Headers.RetryAfter?.Delta);
        Assert.HasCount(2, _graph.Where("GET", $"/me/messages/{MessageId}"), "the first try and the one retry (Graph:MaxRetries 1)");
    }

    // 7 — the citizen sees what they wrote: our body replaces Exchange's quote, so the adapter quotes.
    [TestMethod]
    public async Task The_receipt_quotes_the_citizens_own_text_below_it()
    {
        Assert.AreEqual("sent", await Status(await Acknowledge(Official(Api()), MessageId)));

        var draft = _graph.Message("AAMkADraft1=");
        var body = draft["body"]!["content"]!.GetValue<string>();
        StringAssert.Contains(body, "Du får svar senast tisdag 8 december 2026.");
        StringAssert.Contains(body, "Behöver jag bygglov för ett uterum på 15 kvadratmeter?");
        Assert.IsLessThan(body.IndexOf("Behöver jag", StringComparison.Ordinal), body.IndexOf("Du får svar", StringComparison.Ordinal), "the receipt first, then the quote");
    }

    // 7 — a web form sends from noreply@ with the citizen in Reply-To: the citizen's mail, answered to the citizen.
    [TestMethod]
    public async Task A_web_form_mail_is_the_citizens_and_its_receipt_goes_to_the_reply_to()
    {
        const string form = "AAkALgAAAAAAHYQDEapmEc2byACqAC-EWg0AnMdP0zg8UEyYrHoCYwuxtwAAAgEMAAAB";
        _graph.AddMessage(form, "Felanmälan via e-tjänst", "<p>Gatlyktan utanför Tumba torg 3 är trasig.</p>", Friday, "AAQkForm=",
            from: "noreply@botkyrka.se", fromName: "Botkyrka kommun e-tjänster", replyTo: "karin.ek@example.se");
        var official = Official(Api());

        var promise = await official.GetFromJsonAsync<JsonElement>($"/api/messages/{form}/promise");
        var response = await Acknowledge(official, form);

        Assert.AreEqual("fault-report", promise.GetProperty("category").GetString(), "not internal, not automatic: a citizen wrote it");
        Assert.AreEqual(HttpStatusCode.Created, response.StatusCode, await response.Content.ReadAsStringAsync());
        var create = _graph.Where("POST", $"/me/messages/{form}/createReply").Single().Json!;
        Assert.AreEqual("karin.ek@example.se", create["Message"]!["toRecipients"]![0]!["emailAddress"]!["address"]!.GetValue<string>());
    }

    // 8 — sending is asynchronous: a send whose answer was lost is not a failure when the draft has left the drafts.
    [TestMethod]
    public async Task A_send_whose_answer_was_lost_is_sent_not_a_dead_letter()
    {
        _graph.LoseSendAnswers = true;
        _graph.InTransit = TimeSpan.FromSeconds(30);

        var response = await Acknowledge(Official(Api()), MessageId);

        Assert.AreEqual("sent", await Status(response), "the SDK's second send met a 404: the message was on its way");
        Assert.AreEqual(1, _graph.SuccessfulSends);
        Assert.HasCount(2, _graph.Where("POST", "/send"));
    }

    // 8 — a draft that left Drafts without this send: confirmed by a later look, or a dead letter when it never shows up.
    [TestMethod]
    public async Task A_draft_deleted_before_it_was_sent_is_a_dead_letter_not_a_kept_promise()
    {
        _graph.SendAlwaysFails = true;
        var first = Api();
        Assert.AreEqual("queued", await Status(await Acknowledge(Official(first), MessageId)));
        await first.DisposeAsync();
        _graph.Delete("AAMkADraft1=");
        _graph.SendAlwaysFails = false;

        var soon = Api(now: Tests.Drafts.Reviewing.Now.AddMinutes(5));
        _ = soon.CreateClient();
        await WaitFor(() => _graph.Where("GET", "/me/messages/AAMkADraft1=").Count > 0);
        await Task.Delay(500);
        var waiting = await DeliveryAsync(soon);
        Assert.AreEqual(OutboxStatus.Queued, waiting.Status, "within a quarter of an hour it may still be on its way");
        StringAssert.Contains(waiting.LastError, "bekräftas");
        await soon.DisposeAsync();

        var later = Api(now: Tests.Drafts.Reviewing.Now.AddHours(1));
        _ = later.CreateClient();
        var delivery = await SettledAsync(later);

        Assert.AreEqual(OutboxStatus.Failed, delivery.Status);
        StringAssert.Contains(delivery.LastError, "Skicka igen");
        Assert.AreEqual(0, _graph.SuccessfulSends);
    }

    // 9 — Office.js gives EWS ids ("/", "+"); Graph knows the REST form ("-", "_").
    [TestMethod]
    public async Task Ids_in_ews_form_from_the_pane_reach_graph_in_rest_form()
    {
        var ews = MessageId.Replace('-', '/').Replace('_', '+');
        var official = Official(Api());

        var promise = await official.GetAsync($"/api/messages/{Uri.EscapeDataString(ews)}/promise");
        var byConversation = await official.GetAsync($"/api/conversations/{Uri.EscapeDataString(Conversation.Replace('-', '/'))}/promise");

        Assert.AreEqual(HttpStatusCode.OK, promise.StatusCode);
        Assert.AreEqual(HttpStatusCode.OK, byConversation.StatusCode);
        Assert.IsTrue(_graph.Where("GET", $"/me/messages/{MessageId}").Count > 0, "Graph was asked for the REST id");
    }

    // 10 — a conversation with many sent mails: the answer may be on the second page.
    [TestMethod]
    public async Task An_answer_on_the_second_page_of_sent_items_counts()
    {
        for (var i = 0; i < 55; i++)
        {
            _graph.AddMessage($"AAMkEarlier{i:00}=", "Bygglov", "<p>Tidigare</p>", Friday.AddDays(-10), Conversation);
            _graph.Message($"AAMkEarlier{i:00}=")["sentDateTime"] = Friday.AddDays(-10).ToString("o");
        }
        _graph.AddMessage("AAMkZAnswer=", "SV: Bygglov för uterum", "<p>Svar</p>", Friday.AddHours(2), Conversation);
        _graph.Message("AAMkZAnswer=")["sentDateTime"] = Friday.AddHours(2).ToString("o");

        var promise = await Official(Api()).GetFromJsonAsync<JsonElement>($"/api/messages/{MessageId}/promise");

        Assert.AreEqual("answered", promise.GetProperty("state").GetString());
        Assert.HasCount(2, _graph.Where("GET", "/me/mailFolders/sentitems/messages"), "the first page and the one its nextLink names");
    }

    // 10 — redirects are the SDK's to follow (the socket's own would drop the token on the way).
    [TestMethod]
    public async Task A_redirect_is_followed_with_the_token()
    {
        _graph.Redirects["AAMkMoved="] = MessageId;

        var response = await Official(Api()).GetAsync("/api/messages/AAMkMoved=/promise");

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    // 10 — Graph's own conventions on every call.
    [TestMethod]
    public async Task Every_call_names_select_as_graph_writes_it_and_carries_a_client_request_id()
    {
        await Official(Api()).GetAsync($"/api/messages/{MessageId}/promise");

        var read = _graph.Where("GET", $"/me/messages/{MessageId}").Single();
        StringAssert.StartsWith(read.RawQuery, "?$select=", "not %24select");
        foreach (var request in _graph.Requests)
            Assert.IsTrue(Guid.TryParse(request.Headers.GetValueOrDefault("client-request-id"), out _), request.Path);
    }
}
