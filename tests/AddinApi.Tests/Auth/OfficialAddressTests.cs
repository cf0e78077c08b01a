using System.Security.Claims;
using Kontaktlofte.AddinApi.Organisation;

namespace Kontaktlofte.AddinApi.Tests.Auth;

/// <summary>The official's address from a v1.0 token: only what the tenant vouches for.</summary>
[TestClass]
public sealed class OfficialAddressTests
{
    private static readonly OrganisationOptions Botkyrka = new() { InternalDomains = ["botkyrka.se"] };

    private static string? From(params Claim[] claims) => OfficialAddress.FromClaims(new ClaimsPrincipal(new ClaimsIdentity(claims, "test")), Botkyrka);

    [TestMethod]
    [DataRow("upn", "hanna.lindqvist@botkyrka.se", "hanna.lindqvist@botkyrka.se", DisplayName = "v1.0 upn")]
    [DataRow("unique_name", "hanna.lindqvist@botkyrka.se", "hanna.lindqvist@botkyrka.se", DisplayName = "v1.0 unique_name in our domain")]
    [DataRow("email", "hanna.lindqvist@botkyrka.se", "hanna.lindqvist@botkyrka.se", DisplayName = "optional email claim in our domain")]
    [DataRow("unique_name", "live.com#hanna@example.se", null, DisplayName = "a guest's unique_name: asked of Graph instead")]
    [DataRow("email", "hanna.lindqvist@example.se", null, DisplayName = "an email claim outside our domains: not vouched for")]
    [DataRow("unique_name", "BOTKYRKA\\hanna", null, DisplayName = "not an address")]
    [DataRow("upn", "@botkyrka.se", null, DisplayName = "nothing before @")]
    [DataRow("upn", "hanna@", null, DisplayName = "nothing after @")]
    [DataRow("upn", "hanna lindqvist@botkyrka.se", null, DisplayName = "a space")]
    public void The_address_comes_from_a_claim_the_tenant_vouches_for(string type, string value, string? address) =>
        Assert.AreEqual(address, From(new Claim(type, value)));

    [TestMethod]
    public void The_upn_goes_before_the_others() =>
        Assert.AreEqual("a@botkyrka.se", From(new Claim("unique_name", "b@botkyrka.se"), new Claim("upn", "a@botkyrka.se")));
}
