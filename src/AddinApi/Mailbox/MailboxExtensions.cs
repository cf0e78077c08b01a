using Kontaktlofte.AddinApi.Auth;
using Kontaktlofte.AddinApi.Data;
using Kontaktlofte.AddinApi.Mailbox.Graph;
using Kontaktlofte.AddinApi.Mailbox.Sandbox;
using Kontaktlofte.AddinApi.Promises;

namespace Kontaktlofte.AddinApi.Mailbox;

public static class MailboxExtensions
{
    /// <summary>
    /// The mailbox adapter: Graph when an Entra tenant is configured, the sandbox mailbox otherwise;
    /// <c>Mailbox:Adapter</c> (Graph or Sandbox) says so explicitly.
    /// </summary>
    public static bool UsesSandboxMailbox(this IConfiguration configuration) =>
        configuration["Mailbox:Adapter"] is { Length: > 0 } adapter
            ? adapter.Equals("Sandbox", StringComparison.OrdinalIgnoreCase)
            : !configuration.UsesEntraId();

    public static WebApplicationBuilder AddMailbox(this WebApplicationBuilder builder)
    {
        if (builder.Configuration.UsesSandboxMailbox())
            builder.Services.AddScoped<IMailbox, SandboxMailbox>();
        else
            builder.AddGraphMailbox();
        builder.Services.AddScoped<MessageTracker>();
        return builder;
    }

    public static IEndpointRouteBuilder MapSandboxMailboxWhenUsed(this WebApplication app)
    {
        if (app.Configuration.UsesSandboxMailbox()) app.MapSandboxMailbox();
        return app;
    }

    /// <summary>Fills the sandbox mailbox with citizen mail the first time it starts.</summary>
    public static async Task SeedSandboxMailboxAsync(this WebApplication app)
    {
        if (!app.Configuration.UsesSandboxMailbox()) return;
        await using var scope = app.Services.CreateAsyncScope();
        await SandboxSeed.SeedAsync(scope.ServiceProvider.GetRequiredService<KontaktlofteDb>(),
            scope.ServiceProvider.GetRequiredService<WorkingDayCalendar>(), scope.ServiceProvider.GetRequiredService<TimeProvider>());
    }
}
