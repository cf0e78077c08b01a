using System.Net.Http.Json;
using System.Net;
using Kontaktlofte.AddinApi.Auth;
using Kontaktlofte.AddinApi.Organisation;
using Kontaktlofte.AddinApi.Sandbox;
using Microsoft.AspNetCore.Hosting;

namespace Kontaktlofte.AddinApi.Tests.Auth;

[TestClass]
public sealed class SandboxIdentityTests
{
    private static KontaktlofteFactory _sandbox = null!;

    [ClassInitialize]
    public static void Start(TestContext _) => _sandbox = new KontaktlofteFactory(sandboxIdentity: true);

    [ClassCleanup]
    public static void Stop() => _sandbox.Dispose();

    private static async Task<CurrentOfficial> MeAs(string? user)
    {
        var client = _sandbox.CreateClient();
        if (user is not null) client.DefaultRequestHeaders.Add(SandboxUsers.Header, user);
        return (await client.GetFromJsonAsync<CurrentOfficial>("/api/me"))!;
    }

    [TestMethod]
    public async Task Without_the_header_the_request_is_the_official()
    {
        var me = await MeAs(null);

        Assert.AreEqual("handlaggare@sandbox.botkyrka.se", me.Email);
        CollectionAssert.AreEqual(new[] { Roles.Handlaggare }, me.Roles.ToArray());
    }

    [TestMethod]
    [DataRow("registrator@sandbox.botkyrka.se", new[] { Roles.Registrator, Roles.Handlaggare })]
    [DataRow("enhetschef@sandbox.botkyrka.se", new[] { Roles.Enhetschef, Roles.Handlaggare })]
    [DataRow("ENHETSCHEF@sandbox.botkyrka.se", new[] { Roles.Enhetschef, Roles.Handlaggare })]
    public async Task The_header_chooses_a_seeded_user_with_their_roles(string user, string[] roles)
    {
        var me = await MeAs(user);

        Assert.AreEqual(user.ToLowerInvariant(), me.Email);
        CollectionAssert.AreEquivalent(roles, me.Roles.ToArray());
    }

    [TestMethod]
    public async Task The_seeded_officials_details_come_from_the_database()
    {
        var me = await MeAs("registrator@sandbox.botkyrka.se");

        Assert.AreEqual("Rasmus Ekström", me.Name);
        Assert.AreEqual("Registrator", me.Title);
        Assert.AreEqual("08-530 612 50", me.Phone);
    }

    [TestMethod]
    public async Task An_unknown_sandbox_user_is_a_401()
    {
        var client = _sandbox.CreateClient();
        client.DefaultRequestHeaders.Add(SandboxUsers.Header, "okand@example.se");

        var response = await client.GetAsync("/api/me");

        Assert.AreEqual(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [TestMethod]
    public async Task The_sandbox_reviews_drafts_without_any_tenant()
    {
        var response = await _sandbox.CreateClient().PostAsJsonAsync("/api/drafts/review", new { bodyText = "Hej!" });

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [TestMethod]
    [DataRow("Production")]
    [DataRow("Staging")]
    public void The_sandbox_identity_refuses_to_start_outside_development(string environment)
    {
        using var factory = new KontaktlofteFactory(sandboxIdentity: true)
            .WithWebHostBuilder(b => b.UseEnvironment(environment));

        var error = Assert.Throws<InvalidOperationException>(() => factory.CreateClient());

        StringAssert.Contains(error.Message, "Sandlådeidentiteten får bara användas i Development eller Sandbox");
    }

    [TestMethod]
    public void The_sandbox_environment_may_run_the_sandbox()
    {
        using var factory = new KontaktlofteFactory(sandboxIdentity: true).WithWebHostBuilder(b => b.UseEnvironment("Sandbox"));

        Assert.IsNotNull(factory.CreateClient());
    }
}
