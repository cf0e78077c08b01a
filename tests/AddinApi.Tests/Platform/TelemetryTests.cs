using System.Diagnostics.Metrics;
using System.Net;
using Kontaktlofte.AddinApi.Data;
using Kontaktlofte.AddinApi.Graph;
using Kontaktlofte.AddinApi.Outbox;
using Kontaktlofte.AddinApi.Telemetry;
using Kontaktlofte.AddinApi.Watching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;
using OpenTelemetry.Trace;

namespace Kontaktlofte.AddinApi.Tests.Platform;

/// <summary>
/// The product's meter (outbox depth, watcher lag, Graph's throttling) read as an operator's collector would, and
/// OpenTelemetry's export off unless an OTLP endpoint is configured.
/// </summary>
[TestClass]
public sealed class TelemetryTests
{
    private static readonly DateTimeOffset Now = Tests.Drafts.Reviewing.Now;

    private static MetricCollector<T> Collect<T>(KontaktlofteFactory api, string instrument) where T : struct
    {
        _ = api.Services.GetRequiredService<KontaktlofteMetrics>(); // the meter exists once the metrics do
        return new MetricCollector<T>(api.Services.GetRequiredService<IMeterFactory>(), KontaktlofteMetrics.MeterName, instrument);
    }

    [TestMethod]
    public async Task The_outbox_depth_counts_what_waits_to_be_delivered_and_nothing_delivered_or_given_up()
    {
        using var api = new KontaktlofteFactory();
        using var depth = Collect<long>(api, "kontaktlofte.outbox.depth");
        depth.RecordObservableInstruments();
        Assert.AreEqual(0, depth.LastMeasurement!.Value);

        await using (var scope = api.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KontaktlofteDb>();
            foreach (var status in new[] { OutboxStatus.Queued, OutboxStatus.Queued, OutboxStatus.Sent, OutboxStatus.Failed })
                db.Set<OutboxItem>().Add(new OutboxItem { Id = Guid.NewGuid(), Kind = "acknowledgement", Status = status, CreatedAt = Now, NextAttemptAt = Now });
            await db.SaveChangesAsync();
        }
        depth.RecordObservableInstruments();

        Assert.AreEqual(2, depth.LastMeasurement!.Value);
    }

    [TestMethod]
    public async Task The_watcher_lag_is_the_time_since_the_mailbox_seen_longest_ago()
    {
        using var api = new KontaktlofteFactory(now: Now);
        using var lag = Collect<double>(api, "kontaktlofte.watcher.lag");
        lag.RecordObservableInstruments();
        Assert.AreEqual(0, lag.LastMeasurement!.Value, "no mailbox watched: no lag");

        await using (var scope = api.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KontaktlofteDb>();
            db.Set<FeedState>().Add(new FeedState { Mailbox = "a@botkyrka.se", Folder = "inbox", UpdatedAt = Now.AddSeconds(-10) });
            db.Set<FeedState>().Add(new FeedState { Mailbox = "b@botkyrka.se", Folder = "inbox", UpdatedAt = Now.AddSeconds(-125) });
            db.Set<FeedState>().Add(new FeedState { Mailbox = "b@botkyrka.se", Folder = "sentitems", UpdatedAt = Now.AddSeconds(-3) });
            await db.SaveChangesAsync();
        }
        lag.RecordObservableInstruments();

        Assert.AreEqual(125, lag.LastMeasurement!.Value, 0.001);
    }

    [TestMethod]
    [DataRow(HttpStatusCode.TooManyRequests, 1)]
    [DataRow(HttpStatusCode.ServiceUnavailable, 1)]
    [DataRow(HttpStatusCode.GatewayTimeout, 0)]
    [DataRow(HttpStatusCode.OK, 0)]
    public async Task Graph_answers_that_ask_to_wait_are_counted_with_their_status(HttpStatusCode status, int counted)
    {
        using var api = new KontaktlofteFactory();
        using var throttled = Collect<long>(api, "kontaktlofte.graph.throttled");
        using var invoker = new HttpMessageInvoker(new GraphThrottleCounter(api.Services.GetRequiredService<KontaktlofteMetrics>())
        {
            InnerHandler = new Answering(status),
        });

        await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "https://graph.microsoft.com/v1.0/me"), CancellationToken.None);

        Assert.AreEqual(counted, throttled.GetMeasurementSnapshot().Sum(m => m.Value));
        if (counted > 0) Assert.AreEqual((int)status, throttled.LastMeasurement!.Tags["http.response.status_code"]);
    }

    [TestMethod]
    public void The_counter_sits_inside_the_sdks_retry_handler_so_every_attempt_is_seen()
    {
        var settings = Tests.Auth.FakeEntra.Settings();
        settings["Mailbox:Adapter"] = "Graph";
        using var api = new KontaktlofteFactory(sandboxIdentity: true, settings: settings, services: new Tests.Auth.FakeEntra().Configure);
        var handler = api.Services.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(GraphClients.HttpClientName);

        var chain = new List<HttpMessageHandler>();
        for (var h = handler; h is not null; h = (h as DelegatingHandler)?.InnerHandler) chain.Add(h);

        var retry = chain.FindIndex(h => h is RetryHandler);
        var counter = chain.FindIndex(h => h is GraphThrottleCounter);
        Assert.IsGreaterThanOrEqualTo(0, retry, string.Join(" → ", chain.Select(h => h.GetType().Name)));
        Assert.IsGreaterThan(retry, counter, "inside the retry handler: " + string.Join(" → ", chain.Select(h => h.GetType().Name)));
    }

    [TestMethod]
    public void Nothing_is_exported_unless_an_otlp_endpoint_is_configured()
    {
        using var quiet = new KontaktlofteFactory();
        Assert.IsNull(quiet.Services.GetService<TracerProvider>());

        using var exporting = new KontaktlofteFactory(settings: new() { ["Telemetry:OtlpEndpoint"] = "http://127.0.0.1:4317" });
        Assert.IsNotNull(exporting.Services.GetService<TracerProvider>());
        Assert.IsNotNull(exporting.Services.GetService<OpenTelemetry.Metrics.MeterProvider>());
    }

    [TestMethod]
    public void A_collector_address_that_is_no_address_stops_the_start_with_the_setting_named()
    {
        using var api = new KontaktlofteFactory(settings: new() { ["Telemetry:OtlpEndpoint"] = "otel-collector" });

        var error = Assert.ThrowsExactly<InvalidOperationException>(() => api.CreateClient());
        StringAssert.Contains(error.Message, "Telemetry:OtlpEndpoint");
    }

    private sealed class Answering(HttpStatusCode status) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(status));
    }
}
