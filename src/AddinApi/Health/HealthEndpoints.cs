using Kontaktlofte.AddinApi.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Kontaktlofte.AddinApi.Health;

public static class HealthEndpoints
{
    private const string Ready = "ready";

    public static WebApplicationBuilder AddHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks().AddDbContextCheck<KontaktlofteDb>("database", tags: [Ready]);
        return builder;
    }

    /// <summary>
    /// Open to the load balancer and the orchestrator, saying only Healthy or Unhealthy: <c>/healthz/live</c> — the process
    /// answers (restart it when not); <c>/healthz/ready</c> — it can serve, its database answers (send it no traffic when
    /// not); <c>/healthz</c> — the same as ready, as the contract has always named it.
    /// </summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        var ready = new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready) };
        app.MapHealthChecks("/healthz", ready).AllowAnonymous().WithDisplayName("Hälsokontroll");
        app.MapHealthChecks("/healthz/ready", ready).AllowAnonymous().WithDisplayName("Hälsokontroll: redo");
        app.MapHealthChecks("/healthz/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous().WithDisplayName("Hälsokontroll: lever");
        return app;
    }
}
