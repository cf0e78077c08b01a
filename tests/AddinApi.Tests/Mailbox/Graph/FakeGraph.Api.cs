using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Identity.Abstractions;

namespace Kontaktlofte.AddinApi.Tests.Mailbox.Graph;

public sealed partial class FakeGraph
{
    /// <summary>
    /// The API with the Graph adapters pointed at this fake Graph, <paramref name="tokens"/> as its token source (a fresh
    /// <see cref="FakeTokens"/> when none), the SDK's own retries as given, and any further settings.
    /// </summary>
    public KontaktlofteFactory Api(IAuthorizationHeaderProvider? tokens = null, DateTimeOffset? now = null, int maxRetries = 0,
        Dictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>(settings ?? [])
        {
            ["Mailbox:Adapter"] = "Graph",
            ["Graph:BaseUrl"] = BaseUrl + "/v1.0",
            ["Graph:MaxRetries"] = maxRetries.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var source = tokens ?? new FakeTokens();
        return new KontaktlofteFactory(now: now, settings: all, services: s => s.Replace(ServiceDescriptor.Singleton(source)));
    }
}
