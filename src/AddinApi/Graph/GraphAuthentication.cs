using System.Security.Claims;
using System.Text;
using Microsoft.Identity.Abstractions;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;

namespace Kontaktlofte.AddinApi.Graph;

/// <summary>
/// Signs Graph requests with a token from Microsoft.Identity.Web, on behalf of the user: inside a request from the
/// user's own token (on-behalf-of, cached by MSAL), in the background from the long-running session with the key.
/// (The Microsoft.Identity.Web.GraphServiceClient package is not available to us; this is the small part of it we need.)
/// </summary>
internal sealed class GraphAuthentication(IAuthorizationHeaderProvider headers, string? sessionKey, ClaimsPrincipal? user, IEnumerable<string> scopes)
    : IAuthenticationProvider
{
    public async Task AuthenticateRequestAsync(RequestInformation request, Dictionary<string, object>? additionalAuthenticationContext = null,
        CancellationToken cancellationToken = default)
    {
        // Continuous access evaluation: Graph answered 401 with a claims challenge and Kiota asks once more with its claims
        // (base64, as in WWW-Authenticate). MSAL then goes to Entra with them instead of handing back the rejected token.
        var claims = additionalAuthenticationContext?.TryGetValue("claims", out var value) == true && value is string { Length: > 0 } encoded
            ? Encoding.UTF8.GetString(Convert.FromBase64String(encoded)) : null;
        var options = sessionKey is null && claims is null ? null : new AuthorizationHeaderProviderOptions
        {
            AcquireTokenOptions = new AcquireTokenOptions { LongRunningWebApiSessionKey = sessionKey, Claims = claims },
        };
        var header = await headers.CreateAuthorizationHeaderForUserAsync(scopes, options, user, cancellationToken);
        request.Headers.Remove("Authorization");
        request.Headers.Add("Authorization", header);
    }
}

/// <summary>Signs Graph requests as the application (client credentials) for the watcher.</summary>
internal sealed class AppAuthentication(IAuthorizationHeaderProvider headers) : IAuthenticationProvider
{
    public const string Scope = "https://graph.microsoft.com/.default";

    public async Task AuthenticateRequestAsync(RequestInformation request, Dictionary<string, object>? additionalAuthenticationContext = null,
        CancellationToken cancellationToken = default)
    {
        var header = await headers.CreateAuthorizationHeaderForAppAsync(Scope, cancellationToken: cancellationToken);
        request.Headers.Remove("Authorization");
        request.Headers.Add("Authorization", header);
    }
}

/// <summary>
/// Headers on every Graph call: <c>Prefer: IdType="ImmutableId"</c> beside any other preference (an id then survives
/// moves between folders), and a <c>client-request-id</c> that Graph echoes, so a failure can be traced with Microsoft.
/// </summary>
internal sealed class GraphHeadersHandler : DelegatingHandler
{
    public const string ImmutableIds = "IdType=\"ImmutableId\"";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var others = request.Headers.TryGetValues("Prefer", out var values)
            ? values.SelectMany(v => v.Split(',')).Select(v => v.Trim())
                .Where(v => v.Length > 0 && !v.StartsWith("IdType", StringComparison.OrdinalIgnoreCase)).ToList()
            : [];
        request.Headers.Remove("Prefer");
        request.Headers.TryAddWithoutValidation("Prefer", string.Join(", ", others.Prepend(ImmutableIds)));
        if (!request.Headers.Contains("client-request-id")) request.Headers.TryAddWithoutValidation("client-request-id", Guid.NewGuid().ToString());
        return base.SendAsync(request, cancellationToken);
    }
}

/// <summary>
/// One attempt may take <paramref name="timeout"/>; then it fails as a <see cref="TimeoutException"/> (a passing failure),
/// while the caller's own cancellation stays a cancellation. Inside the SDK's retry handler: each attempt has its own.
/// </summary>
internal sealed class AttemptTimeoutHandler(TimeSpan timeout) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(timeout);
        try
        {
            return await base.SendAsync(request, attempt.Token);
        }
        catch (OperationCanceledException error) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Microsoft Graph svarade inte inom {timeout.TotalSeconds:0} sekunder.", error);
        }
    }
}

/// <summary>Addresses a function mailbox: <c>…/v1.0/me/…</c> becomes <c>…/v1.0/users/{address}/…</c>; other paths pass as they are.</summary>
internal sealed class SharedMailboxHandler(string address) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { } uri && uri.AbsolutePath.IndexOf("/me/", StringComparison.Ordinal) is var at and >= 0)
        {
            // An address is a valid path segment as it stands ("@" is a pchar, RFC 3986 §3.3); it was checked on the way in.
            var path = uri.AbsolutePath[..at] + "/users/" + address + uri.AbsolutePath[(at + 3)..];
            request.RequestUri = new Uri(uri.GetLeftPart(UriPartial.Authority) + path + uri.Query);
        }
        return base.SendAsync(request, cancellationToken);
    }
}
