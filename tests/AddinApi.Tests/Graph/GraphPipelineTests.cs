using System.Net;
using Kontaktlofte.AddinApi.Graph;
using Kontaktlofte.AddinApi.Mailbox;
using Kontaktlofte.AddinApi.Mailbox.Graph;

namespace Kontaktlofte.AddinApi.Tests.Graph;

/// <summary>The small rules of the Graph pipeline, one by one and at their edges.</summary>
[TestClass]
public sealed class GraphPipelineTests
{
    private static HttpResponseMessage Answer(HttpStatusCode status, string? retryAfter = null)
    {
        var response = new HttpResponseMessage(status);
        if (retryAfter is not null) response.Headers.TryAddWithoutValidation("Retry-After", retryAfter);
        return response;
    }

    [TestMethod]
    [DataRow(HttpStatusCode.TooManyRequests, "10", true, DisplayName = "429, Retry-After exactly the longest wait: waited out")]
    [DataRow(HttpStatusCode.TooManyRequests, "11", false, DisplayName = "429, a second longer: the call ends, the caller waits")]
    [DataRow(HttpStatusCode.ServiceUnavailable, "0", true, DisplayName = "503, at once")]
    [DataRow(HttpStatusCode.GatewayTimeout, null, true, DisplayName = "504 without Retry-After: 1 s")]
    [DataRow(HttpStatusCode.InternalServerError, null, false, DisplayName = "500 is not the SDK's to repeat")]
    [DataRow(HttpStatusCode.NotFound, null, false, DisplayName = "404 never")]
    public void The_sdk_retries_only_what_passes_and_waits_only_within_the_limit(HttpStatusCode status, string? retryAfter, bool retried) =>
        Assert.AreEqual(retried, GraphExtensions.ShouldRetry(1, 0, Answer(status, retryAfter), TimeSpan.FromSeconds(10)));

    [TestMethod]
    [DataRow(3, true, DisplayName = "third retry without Retry-After waits 8 s: within 10 s")]
    [DataRow(4, false, DisplayName = "fourth would wait 16 s: beyond")]
    public void Without_retry_after_the_exponential_wait_counts_against_the_limit(int retries, bool retried) =>
        Assert.AreEqual(retried, GraphExtensions.ShouldRetry(1, retries, Answer(HttpStatusCode.ServiceUnavailable), TimeSpan.FromSeconds(10)));

    [TestMethod]
    public void Retry_after_as_an_http_date_counts_its_whole_wait()
    {
        // Kiota itself reads only the seconds part of a date's distance (TimeSpan.Seconds); a wait of 2 min 5 s is not 5 s.
        var date = DateTimeOffset.UtcNow.AddSeconds(125).ToString("r", System.Globalization.CultureInfo.InvariantCulture);

        Assert.IsGreaterThan(TimeSpan.FromSeconds(120), GraphExtensions.RetryAfter(date)!.Value);
        Assert.IsFalse(GraphExtensions.ShouldRetry(1, 0, Answer(HttpStatusCode.TooManyRequests, date), TimeSpan.FromSeconds(10)));
        Assert.IsNull(GraphExtensions.RetryAfter("soon"));
        Assert.AreEqual(TimeSpan.FromSeconds(7), GraphExtensions.RetryAfter("7"));
    }

    private sealed class Echo : HttpMessageHandler
    {
        public HttpRequestMessage? Seen { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Seen = request;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
        }
    }

    [TestMethod]
    public async Task Immutable_ids_are_asked_for_beside_the_callers_own_preferences()
    {
        var echo = new Echo();
        using var client = new HttpClient(new GraphHeadersHandler { InnerHandler = echo });
        var request = new HttpRequestMessage(HttpMethod.Get, "https://graph.microsoft.com/v1.0/me/messages");
        request.Headers.TryAddWithoutValidation("Prefer", "odata.maxpagesize=50");
        request.Headers.TryAddWithoutValidation("Prefer", "IdType=\"RestId\"");

        await client.SendAsync(request);

        var prefer = echo.Seen!.Headers.GetValues("Prefer").SelectMany(v => v.Split(',')).Select(v => v.Trim()).ToList();
        CollectionAssert.AreEquivalent(new[] { "IdType=\"ImmutableId\"", "odata.maxpagesize=50" }, prefer, "ours replaces another IdType, keeps the rest");
        Assert.IsTrue(Guid.TryParse(echo.Seen.Headers.GetValues("client-request-id").Single(), out _));
    }

    [TestMethod]
    public async Task A_hung_attempt_is_a_timeout_but_the_callers_own_cancel_stays_a_cancel()
    {
        using var hang = new HttpClient(new AttemptTimeoutHandler(TimeSpan.FromMilliseconds(200)) { InnerHandler = new Hang() });
        await Assert.ThrowsAsync<TimeoutException>(() => hang.GetAsync("http://graph.invalid/v1.0/me"));

        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        using var patient = new HttpClient(new AttemptTimeoutHandler(TimeSpan.FromSeconds(30)) { InnerHandler = new Hang() });
        await Assert.ThrowsAsync<TaskCanceledException>(() => patient.GetAsync("http://graph.invalid/v1.0/me", cancel.Token));
    }

    private sealed class Hang : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.OK);
        }
    }

    [TestMethod]
    [DataRow("Bearer realm=\"\", error=\"insufficient_claims\", claims=\"eyJhIjoxfQ==\"", "eyJhIjoxfQ==")]
    [DataRow("Bearer error=\"invalid_token\"", null)]
    [DataRow("Bearer claims=\"\"", null)]
    public void The_claims_of_a_challenge_are_read_as_they_stand(string header, string? claims) =>
        Assert.AreEqual(claims, GraphCalls.ClaimsOf(header));

    [TestMethod]
    [DataRow("AAkALgAAAAAAHYQDEapmEc2byACqAC/EWg0AnMdP0zg8UEyYrHoCYwuxtwAAAgEMAAAA", "AAkALgAAAAAAHYQDEapmEc2byACqAC-EWg0AnMdP0zg8UEyYrHoCYwuxtwAAAgEMAAAA", DisplayName = "EWS /")]
    [DataRow("AAQkADAw+TM0MDA=", "AAQkADAw_TM0MDA=", DisplayName = "EWS +")]
    [DataRow("AAQkADAw%2FTM0%2BMDA%3D", "AAQkADAw-TM0_MDA=", DisplayName = "percent-encoded in a route")]
    [DataRow("AAMkAGI2TG93AAA_-x=", "AAMkAGI2TG93AAA_-x=", DisplayName = "REST form stays as it is")]
    public void Ids_from_the_pane_are_made_graphs(string id, string rest) => Assert.AreEqual(rest, MailboxIds.Rest(id));
}
