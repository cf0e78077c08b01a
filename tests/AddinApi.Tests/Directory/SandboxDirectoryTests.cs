using System.Net.Http.Json;
using System.Text.Json;

namespace Kontaktlofte.AddinApi.Tests.Directory;

/// <summary>The sandbox's directory: the whole seeded organisation, not only officials who have used the product.</summary>
[TestClass]
public sealed class SandboxDirectoryTests
{
    [TestMethod]
    public async Task Colleague_search_finds_someone_who_never_used_the_product()
    {
        using var api = new KontaktlofteFactory();

        var found = await api.SandboxOfficial().GetFromJsonAsync<List<JsonElement>>("/api/officials?search=amina");

        Assert.AreEqual("Amina Yusuf", found!.Single().GetProperty("name").GetString());
        Assert.AreEqual("amina.yusuf@sandbox.botkyrka.se", found!.Single().GetProperty("email").GetString());
    }

    [TestMethod]
    [DataRow("a", 0)]
    [DataRow("pe", 1)]
    [DataRow("per holm", 1)]
    [DataRow("holm per", 1)]
    [DataRow("sofia.ahmed@", 1)]
    [DataRow("xyz", 0)]
    public async Task Search_needs_two_letters_and_matches_the_start_of_each_word(string text, int expected)
    {
        using var api = new KontaktlofteFactory();

        var found = await api.SandboxOfficial().GetFromJsonAsync<List<JsonElement>>("/api/officials?search=" + Uri.EscapeDataString(text));

        Assert.HasCount(expected, found!);
    }
}
