using System.Text.Json;
using Kontaktlofte.AddinApi.Registry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Kontaktlofte.AddinApi.Tests.Registry.Lex;

/// <summary>The Lex adapters' settings are checked at start, and the HTTP contract is a Swagger document of its own.</summary>
[TestClass]
public sealed class LexSettingsTests
{
    [TestMethod]
    [DataRow("LexMail", "Registry:LexMail:Address", null, "Registry:LexMail:Address saknas")]
    [DataRow("LexMail", "Registry:LexMail:Address", "lex@gmail.com", "ligger utanför kommunen")]
    [DataRow("LexMail", "Registry:LexMail:Address", "inte en adress", "är ingen e-postadress")]
    [DataRow("LexMail", "Registry:LexMail:Fields:Rubrik", "Rubrik", "Registry:LexMail:Fields:Rubrik är inget fält")]
    [DataRow("LexMail", "Registry:LexMail:Fields:Case", "Diarieserie", "används för två fält")]
    [DataRow("LexHttp", "Registry:LexHttp:BaseUrl", null, "Registry:LexHttp:BaseUrl saknas")]
    [DataRow("LexHttp", "Registry:LexHttp:BaseUrl", "lex.botkyrka.se", "Registry:LexHttp:BaseUrl")]
    [DataRow("LexHttp", "Registry:LexHttp:ApiKey", null, "Registry:LexHttp:ApiKey saknas")]
    [DataRow("LexHttp", "Registry:LexHttp:Timeout", "00:00:00", "Registry:LexHttp:Timeout")]
    public void A_missing_or_wrong_setting_of_the_chosen_lex_adapter_stops_the_start_and_names_its_key(string adapter, string key, string? value, string named)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Registry:Adapter"] = adapter,
            ["Registry:LexMail:Address"] = "lex.registrering@botkyrka.se",
            ["Registry:LexHttp:BaseUrl"] = "https://lex.botkyrka.se/kontaktlofte/v1",
            ["Registry:LexHttp:ApiKey"] = "nyckel",
        };
        settings[key] = value;
        using var api = new KontaktlofteFactory(settings: settings);

        var error = Assert.Throws<OptionsValidationException>(() => api.CreateClient());

        StringAssert.Contains(error.Message, named);
    }

    [TestMethod]
    public void The_embedded_registry_needs_no_lex_setting_and_stays_the_default()
    {
        using var api = new KontaktlofteFactory();
        _ = api.CreateClient();
        using var scope = api.Services.CreateScope();

        Assert.AreEqual("Embedded", scope.ServiceProvider.GetRequiredService<IRegistry>().Name);
    }

    [TestMethod]
    public void A_label_set_in_configuration_replaces_its_default_and_keeps_the_others()
    {
        using var api = new KontaktlofteFactory(settings: new()
        {
            ["Registry:Adapter"] = "LexMail",
            ["Registry:LexMail:Address"] = "lex.registrering@botkyrka.se",
            ["Registry:LexMail:Fields:Case"] = "Dnr",
        });
        var lex = api.Services.GetRequiredService<IOptions<RegistryOptions>>().Value.LexMail;

        Assert.AreEqual("Dnr", lex.Label("Case"));
        Assert.AreEqual("Diarieserie", lex.Label("Series"));
    }

    [TestMethod]
    public async Task Swagger_has_a_lex_document_with_the_two_operations_and_the_ui_offers_it()
    {
        using var api = new KontaktlofteFactory();
        var client = api.CreateClient();

        using var lex = JsonDocument.Parse(await client.GetStringAsync("/swagger/lex/swagger.json"));
        var paths = lex.RootElement.GetProperty("paths");
        Assert.AreEqual("RegisterInLex", paths.GetProperty("/registrations").GetProperty("post").GetProperty("operationId").GetString());
        Assert.AreEqual("GetLexCase", paths.GetProperty("/cases/{caseNumber}").GetProperty("get").GetProperty("operationId").GetString());
        Assert.AreEqual(2, paths.EnumerateObject().Count(), "no route of the API in Lex's contract");
        var schemas = lex.RootElement.GetProperty("components").GetProperty("schemas");
        Assert.IsTrue(schemas.TryGetProperty("LexRegistrationRequest", out _));
        Assert.IsTrue(schemas.TryGetProperty("LexRegistrationAnswer", out _));
        var api1 = JsonDocument.Parse(await client.GetStringAsync("/swagger/v1/swagger.json")).RootElement.GetProperty("paths");
        Assert.IsFalse(api1.TryGetProperty("/registrations", out _), "Lex's contract is not among the API's own routes");
        Assert.IsFalse(api1.TryGetProperty("/cases/{caseNumber}", out _));
        Assert.IsTrue(api1.TryGetProperty("/api/drafts/review", out _));
        var ui = await client.GetStringAsync("/swagger/index.js");
        StringAssert.Contains(ui, "lex/swagger.json");
    }
}
