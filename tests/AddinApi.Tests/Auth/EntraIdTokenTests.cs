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
/// Production identity: with <c>AzureAd</c> configured, Microsoft.Identity.Web validates bearer tokens. The
/// tenant's signing keys are replaced by a local key, so that real JWTs go through the real pipeline offline.
/// </summary>
[TestClass]
public sealed class EntraIdTokenTests
{
    private const string Tenant = "4b5c6d7e-1111-2222-3333-444455556666";
    private const string ClientId = "9a8b7c6d-aaaa-bbbb-cccc-ddddeeeeffff";
    private static readonly string Issuer = $"https://login.microsoftonline.com/{Tenant}/v2.0";
    private static readonly SymmetricSecurityKey Key = new(Encoding.UTF8.GetBytes("en-lokal-nyckel-som-bara-testerna-kanner-till-32+"));

    private static KontaktlofteFactory _api = null!;
    private static HttpClient _client = null!;

    [ClassInitialize]
    public static void Start(TestContext _)
    {
        _api = new KontaktlofteFactory(sandboxIdentity: true, settings: new()
        {
            ["AzureAd:Instance"] = "https://login.microsoftonline.com/",
            ["AzureAd:TenantId"] = Tenant,
            ["AzureAd:ClientId"] = ClientId,
            ["AzureAd:Audience"] = $"api://{ClientId}",
            // Identity is under test here, not Graph (GraphMailboxTests prove that adapter).
            ["Mailbox:Adapter"] = "Sandbox",
        });
        _client = _api.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
            services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, jwt =>
            {
                var configuration = new OpenIdConnectConfiguration { Issuer = Issuer };
                configuration.SigningKeys.Add(Key);
                jwt.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
                jwt.TokenValidationParameters.ValidIssuer = Issuer;
                jwt.TokenValidationParameters.IssuerValidator = null;
                jwt.TokenValidationParameters.IssuerSigningKey = Key;
            }))).CreateClient();
    }

    [ClassCleanup]
    public static void Stop() => _api.Dispose();

    private static string Token(string scope, params string[] roles)
    {
        var claims = new Dictionary<string, object>
        {
            ["scp"] = scope,
            ["name"] = "Hanna Lindqvist",
            ["preferred_username"] = "hanna.lindqvist@botkyrka.se",
            ["tid"] = Tenant,
            ["oid"] = Guid.NewGuid().ToString(),
        };
        if (roles.Length > 0) claims["roles"] = roles;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = $"api://{ClientId}",
            Claims = claims,
            Expires = DateTime.UtcNow.AddMinutes(10),
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.HmacSha256),
        });
    }

    private static Task<HttpResponseMessage> GetMe(string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return _client.SendAsync(request);
    }

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
        var other = new SymmetricSecurityKey(Encoding.UTF8.GetBytes("en-helt-annan-nyckel-som-ingen-litar-pa-alls-32+"));
        var forged = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = $"api://{ClientId}",
            Claims = new Dictionary<string, object> { ["scp"] = "access_as_user", ["roles"] = new[] { Roles.Handlaggare } },
            Subject = new ClaimsIdentity(),
            SigningCredentials = new SigningCredentials(other, SecurityAlgorithms.HmacSha256),
        });

        Assert.AreEqual(HttpStatusCode.Unauthorized, (await GetMe(forged)).StatusCode);
    }
}
