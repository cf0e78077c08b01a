using Microsoft.Extensions.Options;

namespace Kontaktlofte.AddinApi.Tests.Platform;

/// <summary>Every options class is validated at start: a wrong setting stops the API with a Swedish message, not a later 500.</summary>
[TestClass]
public sealed class OptionsValidationTests
{
    [TestMethod]
    [DataRow("WorkingDays:ExtraDaysOff:0:Name", "klämdag", "Date (åååå-mm-dd) och Name")]
    [DataRow("Outbox:MaxAttempts", "0", "Outbox:MaxAttempts")]
    [DataRow("Outbox:PollInterval", "00:00:00", "Outbox:PollInterval")]
    [DataRow("Organisation:InternalDomains:0", "", "InternalDomains")]
    public void A_wrong_setting_stops_the_start_and_names_itself(string key, string value, string named)
    {
        using var api = new KontaktlofteFactory(settings: new() { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => api.CreateClient());

        StringAssert.Contains(error.Message, named);
    }

    [TestMethod]
    public void The_same_day_off_twice_is_refused()
    {
        using var api = new KontaktlofteFactory(settings: new()
        {
            ["WorkingDays:ExtraDaysOff:0:Date"] = "2026-05-15", ["WorkingDays:ExtraDaysOff:0:Name"] = "klämdag",
            ["WorkingDays:ExtraDaysOff:1:Date"] = "2026-05-15", ["WorkingDays:ExtraDaysOff:1:Name"] = "klämdag igen",
        });

        var error = Assert.Throws<OptionsValidationException>(() => api.CreateClient());

        StringAssert.Contains(error.Message, "två gånger");
    }
}
