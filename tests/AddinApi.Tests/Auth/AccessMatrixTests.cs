using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Kontaktlofte.AddinApi.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Kontaktlofte.AddinApi.Tests.Auth;

/// <summary>
/// Every endpoint the API maps × every kind of caller, with real JWTs signed by the fake Entra's key and validated by
/// Microsoft.Identity.Web's own pipeline: no token, an expired one, one for another audience → 401; another scope → 403;
/// each app role → 403 unless the endpoint's policy names it, and then neither 401 nor 403 (nor a 500). The design's table
/// below names each endpoint's policy: an endpoint added without a row, or with another policy than the row, fails here;
/// the only open ones are the health checks, the add-in's sign-in settings and the coverage page's HTML (and, in the
/// sandbox alone, the redirect at <c>/</c> to its page).
/// </summary>
[TestClass]
public sealed class AccessMatrixTests
{
    private const string Anonymous = "anonymous";

    /// <summary>The design: who may call what (design.md, "API contract"; README). Keyed "METHOD /pattern".</summary>
    private static readonly Dictionary<string, string> Design = new()
    {
        ["GET /addin/config.json"] = Anonymous,
        ["GET /coverage"] = Anonymous, // the unit head's page (HTML only); its data is UnitHead's
        ["GET /healthz"] = Anonymous,
        ["GET /healthz/ready"] = Anonymous,
        ["GET /healthz/live"] = Anonymous,

        ["GET /api/me"] = Policies.Official,
        ["PUT /api/me/watching"] = Policies.Official,
        ["GET /api/me/automatic-reply/"] = Policies.Official,
        ["POST /api/me/automatic-reply/preview"] = Policies.Official,
        ["PUT /api/me/automatic-reply/"] = Policies.Official,
        ["GET /api/officials"] = Policies.Official,
        ["POST /api/drafts/review"] = Policies.Official,
        ["GET /api/answer-dates"] = Policies.Official,
        ["GET /api/deadlines"] = Policies.Official,
        ["GET /api/calendar"] = Policies.Official,
        ["GET /api/conversations/{conversationId}/promise"] = Policies.Official,
        ["PUT /api/messages/{id}/state"] = Policies.Official,
        ["PUT /api/messages/{id}/category"] = Policies.Official,
        ["POST /api/messages/{id}/acknowledgement/update/preview"] = Policies.Official,
        ["POST /api/messages/{id}/acknowledgement/update"] = Policies.Official,
        ["POST /api/messages/classify"] = Policies.Official,
        ["GET /api/messages/{id}/promise"] = Policies.Official,
        ["GET /api/labels"] = Policies.Official,
        ["POST /api/messages/{id}/acknowledgement"] = Policies.Official,
        ["POST /api/messages/{id}/acknowledgement/preview"] = Policies.Official,
        ["GET /api/messages/{id}/acknowledgements"] = Policies.Official,
        ["GET /api/worklist"] = Policies.Official,
        ["GET /api/mailboxes/"] = Policies.Official,
        ["PUT /api/mailboxes/{address}"] = Policies.UnitHead,
        ["POST /api/messages/{id}/handover"] = Policies.Official,

        ["GET /api/messages/{id}/registration"] = Policies.Official,
        ["POST /api/messages/{id}/registration"] = Policies.Registrar,
        ["POST /api/messages/{id}/registration-request"] = Policies.Official,
        ["GET /api/registration-requests"] = Policies.Registrar,
        ["POST /api/registration-requests/{requestId}/decision"] = Policies.Registrar,
        ["GET /api/registrations"] = Policies.Registrar,
        ["GET /api/registrations/{registrationId}"] = Policies.Registrar,
        ["POST /api/registrations/{registrationId}/retry"] = Policies.Registrar,
        ["GET /api/cases/{*caseNumber}"] = Policies.Official,
        ["GET /api/cases"] = Policies.Official,
        ["GET /api/registry/series"] = Policies.Official,

        ["GET /api/units/mine/coverage"] = Policies.UnitHead,
        ["PUT /api/units/mine/members/{id}/cover"] = Policies.UnitHead,
        ["GET /api/reports/promise"] = Policies.UnitHead,

        ["GET /api/audit"] = Policies.Official, // each role reads its own lines (AuditReader)

        ["GET /api/sandbox/messages"] = Policies.Official,
        ["POST /api/sandbox/messages"] = Policies.Official,
        ["POST /api/sandbox/messages/{id}/reply"] = Policies.Official,
        ["POST /api/sandbox/messages/{id}/draft"] = Policies.Official,
        ["GET /api/sandbox/sent"] = Policies.Official,
    };

    private static readonly Dictionary<string, string> RoleOf = new()
    {
        [Policies.Official] = Roles.Handlaggare,
        [Policies.Registrar] = Roles.Registrator,
        [Policies.UnitHead] = Roles.Enhetschef,
    };

    private static KontaktlofteFactory _api = null!;
    private static HttpClient _client = null!;
    private static List<(string Key, string Method, string Path, string Policy)> _endpoints = null!;

    [ClassInitialize]
    public static void Start(TestContext _)
    {
        var settings = FakeEntra.Settings();
        settings["Mailbox:Adapter"] = "Sandbox"; // identity is under test, not Graph
        _api = new KontaktlofteFactory(sandboxIdentity: true, settings: settings, services: new FakeEntra().Configure);
        _client = _api.CreateClient();
        _endpoints = Mapped(_api.Services);
    }

    [ClassCleanup]
    public static void Stop() => _api.Dispose();

    [TestMethod]
    public void Every_endpoint_has_the_policy_the_design_gives_it_and_none_is_left_without()
    {
        var missing = _endpoints.Where(e => !Design.ContainsKey(e.Key)).Select(e => $"{e.Key} ({e.Policy})").ToList();
        var different = _endpoints.Where(e => Design.TryGetValue(e.Key, out var p) && p != e.Policy).Select(e => $"{e.Key}: {e.Policy}, the design says {Design[e.Key]}").ToList();
        var gone = Design.Keys.Except(_endpoints.Select(e => e.Key)).ToList();

        Assert.IsEmpty(missing, "endpoints without a row in the design's table: " + string.Join("; ", missing));
        Assert.IsEmpty(different, string.Join("; ", different));
        Assert.IsEmpty(gone, "rows without an endpoint: " + string.Join("; ", gone));
        Assert.IsTrue(_endpoints.Count >= 40, $"{_endpoints.Count} endpoints found: the route table was not read");
    }

    [TestMethod]
    [DataRow("none", DisplayName = "no token → 401")]
    [DataRow("expired", DisplayName = "an expired token → 401")]
    [DataRow("audience", DisplayName = "a token for another audience → 401")]
    [DataRow("signature", DisplayName = "a token signed by another key → 401")]
    public async Task Without_a_valid_token_every_protected_endpoint_is_a_401(string token)
    {
        var bearer = token switch
        {
            "none" => null,
            "expired" => FakeEntra.AccessToken(2, roles: AllRoles, expires: DateTime.UtcNow.AddMinutes(-10)),
            "audience" => FakeEntra.AccessToken(2, roles: AllRoles, audience: "api://another-app"),
            _ => Tampered(FakeEntra.AccessToken(2, roles: AllRoles)),
        };
        var wrong = new List<string>();
        foreach (var endpoint in _endpoints.Where(e => e.Policy != Anonymous))
        {
            var status = await CallAsync(endpoint, bearer);
            if (status != HttpStatusCode.Unauthorized) wrong.Add($"{endpoint.Key}: {(int)status}");
        }
        Assert.IsEmpty(wrong, string.Join("; ", wrong));
    }

    [TestMethod]
    public async Task A_token_for_another_scope_is_a_403_everywhere_even_with_every_role()
    {
        var bearer = FakeEntra.AccessToken(2, scope: "User.Read", roles: AllRoles);
        var wrong = new List<string>();
        foreach (var endpoint in _endpoints.Where(e => e.Policy != Anonymous))
        {
            var status = await CallAsync(endpoint, bearer);
            if (status != HttpStatusCode.Forbidden) wrong.Add($"{endpoint.Key}: {(int)status}");
        }
        Assert.IsEmpty(wrong, string.Join("; ", wrong));
    }

    [TestMethod]
    [DataRow(Roles.Handlaggare)]
    [DataRow(Roles.Registrator)]
    [DataRow(Roles.Enhetschef)]
    public async Task Each_role_reaches_what_its_policy_names_and_gets_a_403_elsewhere(string role)
    {
        var bearer = FakeEntra.AccessToken(2, roles: [role]);
        var wrong = new List<string>();
        foreach (var endpoint in _endpoints)
        {
            var allowed = endpoint.Policy == Anonymous || RoleOf[endpoint.Policy] == role;
            var status = await CallAsync(endpoint, bearer);
            var right = allowed
                ? status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.InternalServerError)
                : status == HttpStatusCode.Forbidden;
            if (!right) wrong.Add($"{endpoint.Key}: {(int)status}{(allowed ? " (allowed)" : "")}");
        }
        Assert.IsEmpty(wrong, string.Join("; ", wrong));
    }

    [TestMethod]
    public async Task The_anonymous_endpoints_answer_without_a_token()
    {
        foreach (var endpoint in _endpoints.Where(e => e.Policy == Anonymous))
            Assert.AreEqual(HttpStatusCode.OK, await CallAsync(endpoint, null), endpoint.Key);
    }

    private static readonly string[] AllRoles = [Roles.Handlaggare, Roles.Registrator, Roles.Enhetschef];

    private static async Task<HttpStatusCode> CallAsync((string Key, string Method, string Path, string Policy) endpoint, string? bearer)
    {
        using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), endpoint.Path);
        if (bearer is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        if (endpoint.Method is "POST" or "PUT") request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        using var response = await _client.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>The mapped endpoints with their policy: the group's or the endpoint's, or anonymous.</summary>
    private static List<(string Key, string Method, string Path, string Policy)> Mapped(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && !raw.StartsWith("/swagger", StringComparison.Ordinal) && raw != "/")
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method =>
                {
                    var pattern = "/" + e.RoutePattern.RawText!.TrimStart('/');
                    var policy = e.Metadata.GetMetadata<IAllowAnonymous>() is not null
                        ? Anonymous
                        : e.Metadata.GetOrderedMetadata<IAuthorizeData>().LastOrDefault(a => a.Policy is not null)?.Policy ?? "(fallback)";
                    return ($"{method} {pattern}", method, Concrete(pattern), policy);
                }))
            .ToList();

    // Route values that reach the handler: ids that do not exist (a 404 or 400 is the handler's answer, not the gate's).
    private static string Concrete(string pattern) => pattern
        .Replace("{*caseNumber}", "KS/2026:00001", StringComparison.Ordinal)
        .Replace("{address}", "bygglov@sandbox.botkyrka.se", StringComparison.Ordinal)
        .Replace("{id}", "AAMkAGI2TG93AAA=", StringComparison.Ordinal)
        .Replace("{conversationId}", "AAQkAGI2TG93", StringComparison.Ordinal)
        .Replace("{requestId}", "6c1f0d5e-0000-4000-8000-000000000001", StringComparison.Ordinal)
        .Replace("{registrationId}", "6c1f0d5e-0000-4000-8000-000000000002", StringComparison.Ordinal);

    // The same header and claims, another signature: the last character of the signature changed.
    private static string Tampered(string token) => token[..^2] + (token[^2] == 'A' ? 'B' : 'A') + token[^1];
}
