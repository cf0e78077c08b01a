using Kontaktlofte.AddinApi.Registry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Kontaktlofte.AddinApi.Tests.Registry;

/// <summary>The registry's series and padding are checked at start: a wrong one stops the API with a Swedish message.</summary>
[TestClass]
public sealed class RegistryOptionsTests
{
    [TestMethod]
    [DataRow("Registry:SequenceDigits", "-1", "Registry:SequenceDigits")]
    [DataRow("Registry:SequenceDigits", "10", "Registry:SequenceDigits")]
    [DataRow("Registry:Series:0:Code", "ks", "koden \"ks\"")]
    [DataRow("Registry:Series:0:Code", "ABCDEFGHIJK", "koden \"ABCDEFGHIJK\"")]
    [DataRow("Registry:Series:0:Code", "", "koden \"\"")]
    [DataRow("Registry:Series:0:Name", "", "serien KS saknar namn")]
    [DataRow("Registry:Series:1:Code", "KS", "serien KS finns två gånger")]
    public void A_wrong_registry_setting_stops_the_start_and_names_itself(string key, string value, string named)
    {
        using var api = new KontaktlofteFactory(settings: new() { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => api.CreateClient());

        StringAssert.Contains(error.Message, named);
    }

    [TestMethod]
    [DataRow("0")]
    [DataRow("9")]
    public void The_sequence_may_be_unpadded_or_padded_to_nine_digits(string digits)
    {
        using var api = new KontaktlofteFactory(settings: new() { ["Registry:SequenceDigits"] = digits });

        Assert.IsNotNull(api.CreateClient());
    }

    [TestMethod]
    public void Botkyrka_numbers_with_five_digits_in_its_administrations_series()
    {
        using var api = new KontaktlofteFactory();
        var options = api.Services.GetRequiredService<IOptions<RegistryOptions>>().Value;

        Assert.AreEqual(5, options.SequenceDigits);
        Assert.AreEqual("Kommunstyrelsen/kommunledningsförvaltningen", options.Find("KS")?.Name);
        Assert.IsNotNull(options.Find("SBF"));
        Assert.IsNotNull(options.Find("UBF"));
        Assert.IsNull(options.Find("ks"));
    }
}
