using Kontaktlofte.AddinApi.Auth;
using Kontaktlofte.AddinApi.Graph;
using Kontaktlofte.AddinApi.Mailbox.Graph;

namespace Kontaktlofte.AddinApi.Mailbox;

public static class MailboxExtensions
{
    /// <summary><c>Mailbox:Adapter</c>: Graph or Sandbox; by default Graph with an Entra tenant, else the sandbox's.</summary>
    public const string AdapterSetting = "Mailbox:Adapter";

    /// <summary>The Graph mailbox when asked for or when a tenant is configured; the sandbox registers its own otherwise.</summary>
    /// <summary>True when the mailbox and directory adapters are Microsoft Graph's.</summary>
    public static bool UsesGraph(IConfiguration configuration) =>
        configuration[AdapterSetting] is { Length: > 0 } adapter
            ? adapter.Equals("Graph", StringComparison.OrdinalIgnoreCase)
            : configuration.UsesEntraId();

    public static WebApplicationBuilder AddMailbox(this WebApplicationBuilder builder)
    {
        if (UsesGraph(builder.Configuration))
        {
            builder.AddGraph().Services.AddScoped<IMailbox, GraphMailbox>();
            builder.Services.AddScoped<IMailboxFeed, GraphFeed>();
            builder.Services.AddScoped<IBackgroundMail, GraphBackgroundMail>();
        }
        builder.Services.AddExceptionHandler<MailboxProblems>();
        return builder;
    }
}
