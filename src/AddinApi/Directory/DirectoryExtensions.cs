using Kontaktlofte.AddinApi.Directory.Graph;
using Kontaktlofte.AddinApi.Graph;
using Kontaktlofte.AddinApi.Mailbox;

namespace Kontaktlofte.AddinApi.Directory;

public static class DirectoryExtensions
{
    /// <summary>The Graph directory beside the Graph mailbox (one setting, <c>Mailbox:Adapter</c>); the sandbox registers its own otherwise.</summary>
    public static WebApplicationBuilder AddDirectory(this WebApplicationBuilder builder)
    {
        if (MailboxExtensions.UsesGraph(builder.Configuration))
            builder.AddGraph().Services.AddScoped<IDirectory, GraphDirectory>().AddScoped<IOwnAutomaticReply, GraphOwnAutomaticReply>();
        return builder;
    }
}
