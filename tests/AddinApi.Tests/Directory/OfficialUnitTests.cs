using System.Net.Http.Json;
using Kontaktlofte.AddinApi.Data;
using Kontaktlofte.AddinApi.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kontaktlofte.AddinApi.Tests.Directory;

/// <summary>
/// An official's unit comes from the directory's department at their first sign-in: the promise report counts per unit,
/// and in production nothing else would fill it in.
/// </summary>
[TestClass]
public sealed class OfficialUnitTests
{
    private static async Task<Official> OfficialAsync(KontaktlofteFactory api, string email)
    {
        await using var scope = api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KontaktlofteDb>().Officials.AsNoTracking().Include(o => o.Unit).SingleAsync(o => o.Email == email);
    }

    [TestMethod]
    public async Task A_first_sign_in_puts_the_official_in_the_unit_of_their_department_made_once()
    {
        await using var api = new KontaktlofteFactory();
        await api.SandboxOfficial("johan.virtanen@sandbox.botkyrka.se").GetFromJsonAsync<object>("/api/me");
        await api.SandboxOfficial("mats.lindgren@sandbox.botkyrka.se").GetFromJsonAsync<object>("/api/me");

        var per = await OfficialAsync(api, "johan.virtanen@sandbox.botkyrka.se");
        var sofia = await OfficialAsync(api, "mats.lindgren@sandbox.botkyrka.se");

        Assert.AreEqual("Gatuenheten", per.Unit!.Name);
        Assert.AreEqual(per.UnitId, sofia.UnitId, "one unit for one department");
    }
}
