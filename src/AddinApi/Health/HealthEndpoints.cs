using Kontaktlofte.AddinApi.Data;

namespace Kontaktlofte.AddinApi.Health;

public static class HealthEndpoints
{
    public static WebApplicationBuilder AddHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks().AddDbContextCheck<KontaktlofteDb>("database");
        return builder;
    }

    /// <summary><c>GET /healthz</c>: open to the load balancer, says only Healthy or Unhealthy.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/healthz").AllowAnonymous().WithDisplayName("Hälsokontroll");
        return app;
    }
}
