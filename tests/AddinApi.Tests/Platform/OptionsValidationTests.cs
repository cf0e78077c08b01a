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
    [DataRow("Retention:AnsweredDetailsDays", "0", "Retention:AnsweredDetailsDays")]
    [DataRow("Retention:AnsweredDetailsDays", "3651", "Retention:AnsweredDetailsDays")]
    [DataRow("Watcher:PublicBaseUrl", "kontaktlofte.botkyrka.se", "Watcher:PublicBaseUrl")]
    [DataRow("Outbox:Lease", "00:00:00.900", "Outbox:Lease")]
    [DataRow("Outbox:Lease", "01:00:01", "Outbox:Lease")]
    public void A_wrong_setting_stops_the_start_and_names_itself(string key, string value, string named)
    {
        using var api = new KontaktlofteFactory(settings: new() { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => api.CreateClient());

        StringAssert.Contains(error.Message, named);
    }

    [TestMethod]
    [DataRow("Graph:MaxRetries", "4", "Graph:MaxRetries", DisplayName = "more retries than the outbox's lease allows")]
    [DataRow("Graph:AttemptTimeout", "00:00:00.500", "Graph:AttemptTimeout", DisplayName = "an attempt shorter than a second")]
    [DataRow("Graph:AttemptTimeout", "00:02:01", "Graph:AttemptTimeout", DisplayName = "an attempt longer than two minutes")]
    [DataRow("Graph:MaxRetryWait", "00:01:01", "Graph:MaxRetryWait", DisplayName = "a Retry-After wait over a minute")]
    [DataRow("Graph:AttemptTimeout", "00:00:27", "utkorgens lås", DisplayName = "3 × 27 s + 2 × 10 s = 101 s: six calls outlast the lease")]
    [DataRow("Outbox:Lease", "00:06:29", "högst 64,8 sekunder", DisplayName = "a lease shorter than six calls of 3 × 15 s + 2 × 10 s = 65 s")]
    public void Graph_timeouts_and_retries_are_sized_together(string key, string value, string named)
    {
        var settings = Tests.Auth.FakeEntra.Settings();
        settings["Mailbox:Adapter"] = "Graph";
        settings[key] = value;
        using var api = new KontaktlofteFactory(sandboxIdentity: true, settings: settings);

        var error = Assert.Throws<OptionsValidationException>(() => api.CreateClient());

        StringAssert.Contains(error.Message, named);
    }

    [TestMethod]
    public void A_hundred_seconds_is_the_most_one_graph_call_may_take()
    {
        // 3 × 30 s + 2 × 5 s = 100 s: six calls exactly fill the outbox's ten-minute lease, which is allowed.
        var settings = Tests.Auth.FakeEntra.Settings();
        settings["Mailbox:Adapter"] = "Graph";
        settings["Graph:AttemptTimeout"] = "00:00:30";
        settings["Graph:MaxRetryWait"] = "00:00:05";
        using var api = new KontaktlofteFactory(sandboxIdentity: true, settings: settings);

        Assert.IsNotNull(api.CreateClient());
    }

    [TestMethod]
    public void A_lease_of_six_calls_is_the_shortest_the_outbox_may_have()
    {
        // 6 × (3 × 15 s + 2 × 10 s) = 390 s with Graph's defaults: a lease of 6 min 30 s is just long enough.
        var settings = Tests.Auth.FakeEntra.Settings();
        settings["Mailbox:Adapter"] = "Graph";
        settings["Outbox:Lease"] = "00:06:30";
        using var api = new KontaktlofteFactory(sandboxIdentity: true, settings: settings);

        Assert.IsNotNull(api.CreateClient());
    }

    [TestMethod]
    [DataRow("1")]
    [DataRow("3650")]
    public void Details_may_be_kept_from_one_day_to_ten_years_after_the_answer(string days)
    {
        using var api = new KontaktlofteFactory(settings: new() { ["Retention:AnsweredDetailsDays"] = days });

        Assert.IsNotNull(api.CreateClient());
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
