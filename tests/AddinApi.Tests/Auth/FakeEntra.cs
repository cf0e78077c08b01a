using System.Collections.Concurrent;
using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Identity.Client;
using Microsoft.Identity.Web;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Kontaktlofte.AddinApi.Tests.Auth;

/// <summary>
/// A stand-in for Microsoft Entra ID, in process: the discovery documents and signing keys that Microsoft.Identity.Web
/// validates access tokens against (v1.0 and v2.0), MSAL's instance discovery, and the token endpoint that answers the
/// API's on-behalf-of and refresh-token requests as Entra does — including its errors: a claims challenge, consent
/// missing, a revoked refresh token. The API runs its real Identity.Web and MSAL against it: the token cache, the
/// long-running sessions and the exceptions are the libraries' own. Graph access tokens it issues are opaque strings
/// that <see cref="Mailbox.Graph.FakeGraph"/> accepts through <see cref="IsValidGraphToken"/>.
/// </summary>
public sealed class FakeEntra : HttpMessageHandler
{
    public const string Tenant = "4b5c6d7e-1111-2222-3333-444455556666";
    public const string ClientId = "9a8b7c6d-aaaa-bbbb-cccc-ddddeeeeffff";
    public const string ClientSecret = "en-hemlighet-bara-for-tester";
    public const string Login = "https://login.microsoftonline.com";
    public static readonly string IssuerV2 = $"{Login}/{Tenant}/v2.0";
    public static readonly string IssuerV1 = $"https://sts.windows.net/{Tenant}/";

    /// <summary>The tenant's signing key: one for the whole test run, like a key ring that does not roll during it.</summary>
    private static readonly RsaSecurityKey SigningKey = new(RSA.Create(2048)) { KeyId = "kontaktlofte-test-1" };

    private readonly ConcurrentDictionary<string, bool> _graphTokens = new();
    private readonly ConcurrentDictionary<string, bool> _refreshTokens = new();
    private int _issued;

    /// <summary>Every token request the API made (the form MSAL posted), in order.</summary>
    public ConcurrentQueue<IReadOnlyDictionary<string, string>> TokenRequests { get; } = new();

    /// <summary>Seconds an issued Graph token lives; under five minutes MSAL refreshes it at once.</summary>
    public int AccessTokenSeconds { get; set; } = 3600;

    /// <summary>One answer for the next on-behalf-of request (an Entra error); then Entra answers normally again.</summary>
    public ConcurrentQueue<(int Status, JsonObject Body)> NextOnBehalfOf { get; } = new();

    /// <summary>Entra refuses every refresh token issued so far (a password reset, a revoked session, sign-in frequency).</summary>
    public void RevokeRefreshTokens()
    {
        foreach (var token in _refreshTokens.Keys) _refreshTokens[token] = false;
    }

    public bool IsValidGraphToken(string token) => _graphTokens.ContainsKey(token);

    /// <summary>True for a Graph token issued to a request that carried claims (the answer to a claims challenge).</summary>
    public bool IssuedWithClaims(string token) => _graphTokens.TryGetValue(token, out var withClaims) && withClaims;

    /// <summary>A request with claims (after Graph's claims challenge) needs the user: Entra answers with the MFA claims challenge.</summary>
    public bool UserNeededForClaims { get; set; }

    public int OnBehalfOfRequests => TokenRequests.Count(r => r.GetValueOrDefault("grant_type") == "urn:ietf:params:oauth:grant-type:jwt-bearer");
    public int RefreshRequests => TokenRequests.Count(r => r.GetValueOrDefault("grant_type") == "refresh_token");

    /// <summary>A claims challenge as Entra words it for Conditional Access (the JSON, before base64).</summary>
    public const string MfaClaims = """{"access_token":{"acrs":{"essential":true,"value":"c1"}}}""";

    public static (int, JsonObject) ClaimsChallenge() => (400, new JsonObject
    {
        ["error"] = "invalid_grant",
        ["error_description"] = "AADSTS50076: Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access '00000003-0000-0000-c000-000000000000'.",
        ["error_codes"] = new JsonArray(50076),
        ["suberror"] = "basic_action",
        ["claims"] = MfaClaims,
    });

    /// <summary>The user's session is gone (a password reset, a revoked session): Entra wants a new sign-in, with no claims to name.</summary>
    public static (int, JsonObject) SessionRevoked() => (400, new JsonObject
    {
        ["error"] = "invalid_grant",
        ["error_description"] = "AADSTS50173: The provided grant has expired due to it being revoked, a fresh auth token is needed.",
        ["error_codes"] = new JsonArray(50173),
        ["suberror"] = "bad_token",
    });

    public static (int, JsonObject) ConsentMissing() => (400, new JsonObject
    {
        ["error"] = "invalid_grant",
        ["error_description"] = "AADSTS65001: The user or administrator has not consented to use the application with ID '9a8b7c6d-aaaa-bbbb-cccc-ddddeeeeffff' named 'Kontaktlöfte'. Send an interactive authorization request for this user and resource.",
        ["error_codes"] = new JsonArray(65001),
        ["suberror"] = "consent_required",
    });

    /// <summary>The settings and services that point the API's real Identity.Web and MSAL at this fake.</summary>
    public static Dictionary<string, string?> Settings() => new()
    {
        ["AzureAd:Instance"] = Login + "/",
        ["AzureAd:TenantId"] = Tenant,
        ["AzureAd:ClientId"] = ClientId,
        ["AzureAd:ClientSecret"] = ClientSecret,
    };

    public void Configure(IServiceCollection services)
    {
        // MSAL's HTTP (instance discovery, token endpoint) — Identity.Web takes it from this factory.
        services.AddSingleton<IMsalHttpClientFactory>(new MsalClients(this));
        // JwtBearer's discovery document and keys.
        services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, jwt => jwt.BackchannelHttpHandler = new Unowned(this));
        // Identity.Web's issuer validator reads the v1.0 and v2.0 discovery documents through this named client. It keeps
        // the first client per authority for the whole process, so the handler behind it is one that is never disposed.
        services.Configure<AadIssuerValidatorOptions>(o => o.HttpClientName = "fake-entra-metadata");
        services.AddHttpClient("fake-entra-metadata").ConfigurePrimaryHttpMessageHandler(() => new Unowned(Metadata));
    }

    /// <summary>The discovery answers alone (they are the same for every test), for the process-wide issuer validators.</summary>
    private static readonly FakeEntra Metadata = new();

    /// <summary>An access token for the API, as Entra issues it for the add-in (NAA) in the given token version.</summary>
    public static string AccessToken(int version, string? scope = "access_as_user", string[]? roles = null, string? audience = null,
        IDictionary<string, object>? claims = null, DateTime? expires = null, SecurityKey? key = null, bool withAddress = true)
    {
        var oid = "11111111-2222-3333-4444-555555555555";
        var all = new Dictionary<string, object>
        {
            ["ver"] = version == 1 ? "1.0" : "2.0",
            ["tid"] = Tenant,
            ["oid"] = oid,
            ["sub"] = "sub-" + oid,
            ["name"] = "Hanna Lindqvist",
            ["azp"] = "5e3ce6c0-2b1f-4285-8d4b-75ee78787346", // an Outlook client (NAA)
        };
        if (withAddress && version == 1)
        {
            all["upn"] = "hanna.lindqvist@botkyrka.se";
            all["unique_name"] = "hanna.lindqvist@botkyrka.se";
            all["appid"] = all["azp"];
        }
        else if (withAddress)
        {
            all["preferred_username"] = "hanna.lindqvist@botkyrka.se";
        }
        if (scope is not null) all["scp"] = scope;
        if (roles is { Length: > 0 }) all["roles"] = roles;
        foreach (var (name, value) in claims ?? new Dictionary<string, object>()) all[name] = value;
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = version == 1 ? IssuerV1 : IssuerV2,
            // v2.0 tokens always carry the client id as audience; v1.0 tokens the App ID URI the client asked for.
            Audience = audience ?? (version == 1 ? $"api://{ClientId}" : ClientId),
            Claims = all,
            IssuedAt = now.AddMinutes(-1),
            NotBefore = now.AddMinutes(-1),
            Expires = expires ?? now.AddMinutes(60),
            SigningCredentials = new SigningCredentials(key ?? SigningKey, SecurityAlgorithms.RsaSha256),
        });
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        var path = uri.AbsolutePath;
        if (uri.Host != "login.microsoftonline.com") return Json(404, new JsonObject { ["error"] = "not_found" });
        if (path == "/common/discovery/instance")
            return Json(200, new JsonObject
            {
                ["tenant_discovery_endpoint"] = $"{Login}/{Tenant}/v2.0/.well-known/openid-configuration",
                ["api-version"] = "1.1",
                ["metadata"] = new JsonArray(new JsonObject
                {
                    ["preferred_network"] = "login.microsoftonline.com",
                    ["preferred_cache"] = "login.windows.net",
                    ["aliases"] = new JsonArray("login.microsoftonline.com", "login.windows.net", "login.microsoft.com", "sts.windows.net"),
                }),
            });
        if (path == $"/{Tenant}/v2.0/.well-known/openid-configuration") return Json(200, Discovery(IssuerV2, "/v2.0"));
        if (path == $"/{Tenant}/.well-known/openid-configuration") return Json(200, Discovery(IssuerV1, ""));
        if (path == $"/{Tenant}/discovery/v2.0/keys" || path == $"/{Tenant}/discovery/keys") return Json(200, Keys());
        if (path == $"/{Tenant}/oauth2/v2.0/token" && request.Method == HttpMethod.Post)
            return Token(Form(await request.Content!.ReadAsStringAsync(cancellationToken)));
        return Json(404, new JsonObject { ["error"] = "not_found", ["error_description"] = $"No such endpoint in the fake: {path}" });
    }

    private static JsonObject Discovery(string issuer, string version) => new()
    {
        ["token_endpoint"] = $"{Login}/{Tenant}/oauth2{version}/token",
        ["authorization_endpoint"] = $"{Login}/{Tenant}/oauth2{version}/authorize",
        ["jwks_uri"] = $"{Login}/{Tenant}/discovery{version}/keys",
        ["issuer"] = issuer,
        ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        ["response_types_supported"] = new JsonArray("code", "id_token", "code id_token", "id_token token"),
        ["subject_types_supported"] = new JsonArray("pairwise"),
        ["tenant_region_scope"] = "EU",
    };

    private static JsonObject Keys()
    {
        var parameters = SigningKey.Rsa.ExportParameters(false);
        return new JsonObject
        {
            ["keys"] = new JsonArray(new JsonObject
            {
                ["kty"] = "RSA", ["use"] = "sig", ["kid"] = SigningKey.KeyId, ["x5t"] = SigningKey.KeyId,
                ["n"] = Base64UrlEncoder.Encode(parameters.Modulus), ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
                ["issuer"] = IssuerV2,
            }),
        };
    }

    private HttpResponseMessage Token(Dictionary<string, string> form)
    {
        TokenRequests.Enqueue(form);
        if (form.GetValueOrDefault("client_id") != ClientId || form.GetValueOrDefault("client_secret") != ClientSecret)
            return Json(401, Error("invalid_client", "AADSTS7000215: Invalid client secret provided."));
        switch (form.GetValueOrDefault("grant_type"))
        {
            case "urn:ietf:params:oauth:grant-type:jwt-bearer":
                if (form.GetValueOrDefault("requested_token_use") != "on_behalf_of" || !IsOurAccessToken(form.GetValueOrDefault("assertion")))
                    return Json(400, Error("invalid_grant", "AADSTS50013: Assertion failed signature validation."));
                if (NextOnBehalfOf.TryDequeue(out var answer)) return Json(answer.Status, answer.Body);
                if (UserNeededForClaims && form.ContainsKey("claims")) return Json(400, ClaimsChallenge().Item2);
                return Json(200, Issue(form));
            case "refresh_token":
                if (!_refreshTokens.TryGetValue(form.GetValueOrDefault("refresh_token") ?? "", out var valid) || !valid)
                    return Json(400, Error("invalid_grant",
                        "AADSTS50173: The provided grant has expired due to it being revoked, a fresh auth token is needed. The user might have changed or reset their password.",
                        "bad_token"));
                return Json(200, Issue(form));
            default:
                return Json(400, Error("unsupported_grant_type", "AADSTS70003: The app requested an unsupported grant type."));
        }
    }

    private JsonObject Issue(Dictionary<string, string> form)
    {
        var n = Interlocked.Increment(ref _issued);
        var access = $"graph-token-{n}";
        var refresh = $"refresh-token-{n}";
        _graphTokens[access] = form.ContainsKey("claims");
        _refreshTokens[refresh] = true;
        var clientInfo = Base64UrlEncoder.Encode(JsonSerializer.Serialize(new { uid = "11111111-2222-3333-4444-555555555555", utid = Tenant }));
        return new JsonObject
        {
            ["token_type"] = "Bearer",
            ["scope"] = string.Join(' ', (form.GetValueOrDefault("scope") ?? "").Split(' ')
                .Where(s => s is not ("offline_access" or "openid" or "profile") && s.Length > 0)),
            ["expires_in"] = AccessTokenSeconds,
            ["ext_expires_in"] = AccessTokenSeconds,
            ["access_token"] = access,
            ["refresh_token"] = refresh,
            ["client_info"] = clientInfo,
        };
    }

    private static bool IsOurAccessToken(string? assertion)
    {
        if (assertion is null) return false;
        var result = new JsonWebTokenHandler().ValidateTokenAsync(assertion, new TokenValidationParameters
        {
            ValidIssuers = [IssuerV1, IssuerV2],
            ValidAudiences = [ClientId, $"api://{ClientId}"],
            IssuerSigningKey = SigningKey,
        }).GetAwaiter().GetResult();
        return result.IsValid;
    }

    private static JsonObject Error(string error, string description, string? suberror = null)
    {
        var body = new JsonObject
        {
            ["error"] = error,
            ["error_description"] = description + $"\r\nTrace ID: {Guid.NewGuid()}\r\nCorrelation ID: {Guid.NewGuid()}\r\nTimestamp: 2026-11-29 10:00:00Z",
            ["error_codes"] = new JsonArray(int.Parse(description[7..description.IndexOf(':', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture)),
            ["timestamp"] = "2026-11-29 10:00:00Z",
            ["trace_id"] = Guid.NewGuid().ToString(),
            ["correlation_id"] = Guid.NewGuid().ToString(),
        };
        if (suberror is not null) body["suberror"] = suberror;
        return body;
    }

    private static Dictionary<string, string> Form(string body) => body.Split('&', StringSplitOptions.RemoveEmptyEntries)
        .Select(pair => pair.Split('=', 2))
        .ToDictionary(p => Uri.UnescapeDataString(p[0].Replace('+', ' ')), p => p.Length > 1 ? Uri.UnescapeDataString(p[1].Replace('+', ' ')) : "");

    private static HttpResponseMessage Json(int status, JsonObject body) => new((HttpStatusCode)status)
    {
        Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
    };

    /// <summary>Hands the fake to HttpClients that would otherwise dispose it with themselves.</summary>
    private sealed class Unowned(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        // The inner handler outlives this wrapper: dispose as if by the finalizer, which leaves it alone.
        protected override void Dispose(bool disposing) => base.Dispose(false);
    }

    private sealed class MsalClients(FakeEntra entra) : IMsalHttpClientFactory
    {
        public HttpClient GetHttpClient() => new(entra, disposeHandler: false);
    }
}
