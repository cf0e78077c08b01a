using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net;
using System.Security.Claims;
using System.Text;
using Kontaktlofte.AddinApi.Auth;
using Kontaktlofte.AddinApi.Organisation;
using Kontaktlofte.AddinApi.Sandbox;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Tokens;

namespace Kontaktlofte.AddinApi.Tests.Auth;

/// <summary>
/// Production identity: with <c>AzureAd</c> configured, Microsoft.Identity.Web validates bearer tokens with its own
/// pipeline — discovery documents, signing keys, its issuer validator (v1.0 and v2.0 issuers) and its audience rule —
/// against the fake Entra's documents and key, so that real JWTs of both token versions are validated offline.
/// </summary>
[TestClass]
public sealed class EntraIdTokenTests
{
    private static KontaktlofteFactory _api = null!;
    private static HttpClient _client = null!;

    [ClassInitialize]
    public static void Start(TestContext _)
    {
        var settings = FakeEntra.Settings();
        // Identity is under test here, not Graph (RealTenantTests prove the adapter with the same identity).
        settings["Mailbox:Adapter"] = "Sandbox";
        _api = new KontaktlofteFactory(sandboxIdentity: true, settings: settings, services: new FakeEntra().Configure);
        _client = _api.CreateClient();
    }

    [ClassCleanup]
    public static void Stop() => _api.Dispose();

    private static string Token(string scope, params string[] roles) => FakeEntra.AccessToken(2, scope, roles);

    private static Task<HttpResponseMessage> GetMe(string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return _client.SendAsync(request);
    }

    [TestMethod]
    [DataRow(1, DisplayName = "v1.0: iss sts.windows.net, aud api://…, upn and unique_name")]
    [DataRow(2, DisplayName = "v2.0: iss login.microsoftonline.com/…/v2.0, aud the client id, preferred_username")]
    public async Task Both_token_versions_are_accepted_and_give_the_officials_address(int version)
    {
        var response = await GetMe(FakeEntra.AccessToken(version, roles: [Roles.Handlaggare]));

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.AreEqual("hanna.lindqvist@botkyrka.se", (await response.Content.ReadFromJsonAsync<CurrentOfficial>())!.Email,
            "a v1.0 token has no preferred_username: the address comes from upn");
    }

    [TestMethod]
    [DataRow(2, "api://" + FakeEntra.ClientId, DisplayName = "v2.0 for the App ID URI (Entra always writes the client id)")]
    [DataRow(1, "api://another-app", DisplayName = "v1.0 for another API")]
    [DataRow(2, "00000003-0000-0000-c000-000000000000", DisplayName = "v2.0 for Microsoft Graph")]
    public async Task A_token_for_another_audience_is_a_401(int version, string audience) =>
        Assert.AreEqual(HttpStatusCode.Unauthorized, (await GetMe(FakeEntra.AccessToken(version, roles: [Roles.Handlaggare], audience: audience))).StatusCode);

    [TestMethod]
    public async Task An_expired_token_is_a_401() =>
        Assert.AreEqual(HttpStatusCode.Unauthorized,
            (await GetMe(FakeEntra.AccessToken(2, roles: [Roles.Handlaggare], expires: DateTime.UtcNow.AddMinutes(-10)))).StatusCode);

    [TestMethod]
    public async Task A_token_with_the_scope_and_the_role_is_accepted_with_its_roles()
    {
        var response = await GetMe(Token("access_as_user", Roles.Registrator, Roles.Handlaggare));

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        var me = (await response.Content.ReadFromJsonAsync<CurrentOfficial>())!;
        Assert.AreEqual("hanna.lindqvist@botkyrka.se", me.Email);
        CollectionAssert.AreEquivalent(new[] { Roles.Registrator, Roles.Handlaggare }, me.Roles.ToArray());
    }

    [TestMethod]
    public async Task A_token_without_the_official_role_is_a_403() =>
        Assert.AreEqual(HttpStatusCode.Forbidden, (await GetMe(Token("access_as_user", Roles.Enhetschef))).StatusCode);

    [TestMethod]
    public async Task A_token_for_another_scope_is_a_403() =>
        Assert.AreEqual(HttpStatusCode.Forbidden, (await GetMe(Token("User.Read", Roles.Handlaggare))).StatusCode);

    [TestMethod]
    public async Task No_token_is_a_401() => Assert.AreEqual(HttpStatusCode.Unauthorized, (await GetMe(null)).StatusCode);

    [TestMethod]
    public async Task The_sandbox_header_means_nothing_when_a_tenant_is_configured()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        request.Headers.Add(SandboxUsers.Header, "enhetschef@sandbox.botkyrka.se");

        Assert.AreEqual(HttpStatusCode.Unauthorized, (await _client.SendAsync(request)).StatusCode);
    }

    [TestMethod]
    public void With_a_tenant_configured_production_starts()
    {
        using var production = _api.WithWebHostBuilder(b => b.UseEnvironment("Production").UseSetting("Mailbox:Adapter", "Graph"));

        Assert.IsNotNull(production.CreateClient());
    }

    [TestMethod]
    public void Production_never_starts_with_the_sandbox_mailbox_even_beside_a_real_tenant()
    {
        using var production = _api.WithWebHostBuilder(b => b.UseEnvironment("Production"));

        var error = Assert.Throws<InvalidOperationException>(() => production.CreateClient());

        StringAssert.Contains(error.Message, "Sandlådans brevlåda");
    }

    [TestMethod]
    public void An_unknown_mailbox_adapter_stops_the_start()
    {
        using var api = _api.WithWebHostBuilder(b => b.UseSetting("Mailbox:Adapter", "MSGraph"));

        var error = Assert.Throws<InvalidOperationException>(() => api.CreateClient());

        StringAssert.Contains(error.Message, "Graph eller Sandbox");
    }

    [TestMethod]
    public async Task A_token_signed_with_another_key_is_a_401()
    {
        var forged = FakeEntra.AccessToken(2, roles: [Roles.Handlaggare],
            key: new RsaSecurityKey(System.Security.Cryptography.RSA.Create(2048)) { KeyId = "kontaktlofte-test-1" });

        Assert.AreEqual(HttpStatusCode.Unauthorized, (await GetMe(forged)).StatusCode);
    }
}
