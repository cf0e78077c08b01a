using Microsoft.Identity.Abstractions;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;

namespace Kontaktlofte.AddinApi.Graph;

/// <summary>
/// Signs Graph requests with a token from Microsoft.Identity.Web, on behalf of the user. With a session key it continues
/// the user's long-running OBO session, so that the outbox can send after the request; without one, the request's token.
/// (The Microsoft.Identity.Web.GraphServiceClient package is not available to us; this is the small part of it we need.)
/// </summary>
internal sealed class GraphAuthentication(IAuthorizationHeaderProvider headers, string? sessionKey, IEnumerable<string> scopes)
    : IAuthenticationProvider
{
    public async Task AuthenticateRequestAsync(RequestInformation request, Dictionary<string, object>? additionalAuthenticationContext = null,
        CancellationToken cancellationToken = default)
    {
        var options = new AuthorizationHeaderProviderOptions
        {
            AcquireTokenOptions = new AcquireTokenOptions { LongRunningWebApiSessionKey = sessionKey },
        };
        var header = await headers.CreateAuthorizationHeaderForUserAsync(scopes, options, cancellationToken: cancellationToken);
        request.Headers.Remove("Authorization");
        request.Headers.Add("Authorization", header);
    }
}

/// <summary>Asks Graph for immutable ids on every call, so that an id survives moves between folders.</summary>
internal sealed class ImmutableIdHandler : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Remove("Prefer");
        request.Headers.TryAddWithoutValidation("Prefer", "IdType=\"ImmutableId\"");
        return base.SendAsync(request, cancellationToken);
    }
}
