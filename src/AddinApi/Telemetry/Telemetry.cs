using System.Diagnostics.Metrics;
using System.Net;
using Kontaktlofte.AddinApi.Data;
using Kontaktlofte.AddinApi.Graph;
using Kontaktlofte.AddinApi.Outbox;
using Kontaktlofte.AddinApi.Watching;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Kontaktlofte.AddinApi.Telemetry;

/// <summary>
/// The product's own measurements (meter <c>Kontaktlofte</c>), readable with <c>dotnet-counters</c> at any time and sent
/// by OpenTelemetry's OTLP exporter when an endpoint is configured: how many deliveries wait in the outbox, how far
/// behind the watcher is, and how often Microsoft Graph throttles the API.
/// </summary>
public sealed class KontaktlofteMetrics
{
    public const string MeterName = "Kontaktlofte";

    private readonly Counter<long> _graphThrottled;

    public KontaktlofteMetrics(IMeterFactory meters, IServiceScopeFactory scopes, TimeProvider clock)
    {
        var meter = meters.Create(MeterName);
        _graphThrottled = meter.CreateCounter<long>("kontaktlofte.graph.throttled", "{response}",
            "Answers from Microsoft Graph that ask the API to wait (429 or 503), each attempt counted.");
        meter.CreateObservableGauge("kontaktlofte.outbox.depth", () => Read(scopes, db => db.Set<OutboxItem>().LongCount(i => i.Status == OutboxStatus.Queued)),
            "{item}", "Receipts, registrations and digests recorded and not yet delivered.");
        meter.CreateObservableGauge("kontaktlofte.watcher.lag", () => Read(scopes, db => WatcherLag(db, clock)),
            "s", "Seconds since the mailbox the watcher saw longest ago was last read; 0 when it watches none.");
    }

    /// <summary>One Graph answer asking to wait.</summary>
    public void GraphThrottled(HttpStatusCode status) => _graphThrottled.Add(1, new KeyValuePair<string, object?>("http.response.status_code", (int)status));

    private static double WatcherLag(KontaktlofteDb db, TimeProvider clock)
    {
        // SQLite cannot order by a DateTimeOffset: the oldest is found here, among one row per mailbox and folder.
        var seen = db.Set<FeedState>().Select(s => s.UpdatedAt).AsEnumerable().DefaultIfEmpty(clock.GetUtcNow()).Min();
        return Math.Max(0, (clock.GetUtcNow() - seen).TotalSeconds);
    }

    private static T Read<T>(IServiceScopeFactory scopes, Func<KontaktlofteDb, T> read)
    {
        using var scope = scopes.CreateScope();
        return read(scope.ServiceProvider.GetRequiredService<KontaktlofteDb>());
    }
}

/// <summary>
/// Counts Graph's 429 and 503 answers. Added to the Graph pipeline from here (the Graph adapters know nothing of
/// telemetry), after the Graph's own handlers: innermost, inside the SDK's retry handler, so that every attempt is seen.
/// </summary>
internal sealed class GraphThrottleCounter(KontaktlofteMetrics metrics) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable) metrics.GraphThrottled(response.StatusCode);
        return response;
    }
}

/// <summary><c>Telemetry</c> in configuration.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>The OTLP collector (e.g. <c>http://otel-collector:4317</c>); empty: nothing is exported (the default).</summary>
    public string? OtlpEndpoint { get; set; }
}

public static class TelemetryExtensions
{
    /// <summary>
    /// The meters always; traces and metrics through OpenTelemetry only when an OTLP endpoint is configured
    /// (<c>Telemetry:OtlpEndpoint</c>, or OpenTelemetry's own <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>). Query strings are
    /// redacted by the instrumentation (they may hold an address); paths hold ids only.
    /// </summary>
    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<KontaktlofteMetrics>();
        builder.Services.AddTransient<GraphThrottleCounter>();
        // Registered after AddGraph (AddTelemetry comes last in Program.cs): the innermost handler.
        builder.Services.AddHttpClient(GraphClients.HttpClientName).AddHttpMessageHandler<GraphThrottleCounter>();
        var endpoint = builder.Configuration[$"{TelemetryOptions.Section}:{nameof(TelemetryOptions.OtlpEndpoint)}"] is { Length: > 0 } configured
            ? configured
            : builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (string.IsNullOrWhiteSpace(endpoint)) return builder;
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var collector))
            throw new InvalidOperationException("Telemetry:OtlpEndpoint ska vara en absolut adress, t.ex. http://otel-collector:4317.");

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("kontaktlofte-api"))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/healthz"))
                .AddHttpClientInstrumentation())
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(KontaktlofteMetrics.MeterName))
            // 4318 is OTLP over HTTP by convention, anything else gRPC (4317).
            .UseOtlpExporter(collector.Port == 4318 ? OpenTelemetry.Exporter.OtlpExportProtocol.HttpProtobuf : OpenTelemetry.Exporter.OtlpExportProtocol.Grpc, collector);
        return builder;
    }
}
