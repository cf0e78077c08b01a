using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Kontaktlofte.AddinApi.Promises;
using Kontaktlofte.AddinApi.Watching;
using Microsoft.Extensions.DependencyInjection;

namespace Kontaktlofte.AddinApi.Tests.Mailbox;

/// <summary>
/// The sandbox shows the whole product on any day it is started: every mailbox an official answers from — each sandbox
/// user's own and both function mailboxes — holds mail that is fresh, due today, overdue, acknowledged and answered,
/// as the watcher finds it after one round.
/// </summary>
[TestClass]
public sealed class SandboxSeedTests
{
    /// <summary>Each mailbox, and an official who sees its worklist.</summary>
    private static readonly (string Mailbox, string Official)[] Mailboxes =
    [
        ("handlaggare@sandbox.botkyrka.se", "handlaggare@sandbox.botkyrka.se"),
        ("registrator@sandbox.botkyrka.se", "registrator@sandbox.botkyrka.se"),
        ("enhetschef@sandbox.botkyrka.se", "enhetschef@sandbox.botkyrka.se"),
        ("bygglov@sandbox.botkyrka.se", "handlaggare@sandbox.botkyrka.se"),
        ("kontaktcenter@sandbox.botkyrka.se", "registrator@sandbox.botkyrka.se"),
    ];

    private static string State(JsonElement item) => item.GetProperty("state").GetString()!;

    private static string Id(JsonElement item) => item.GetProperty("messageId").GetString()!;

    [TestMethod]
    [DataRow("2026-11-25T10:00:00+01:00", DisplayName = "a Wednesday")]
    [DataRow("2026-11-30T06:30:00+01:00", DisplayName = "a Monday before the day's mail would have come")]
    [DataRow("2026-11-28T10:00:00+01:00", DisplayName = "a Saturday")]
    [DataRow("2026-06-19T10:00:00+02:00", DisplayName = "midsommarafton")]
    [DataRow("2026-12-24T10:00:00+01:00", DisplayName = "julafton, before three days off")]
    [DataRow("2026-04-07T09:00:00+02:00", DisplayName = "the Tuesday after Easter")]
    public async Task Every_mailbox_has_fresh_due_today_overdue_acknowledged_and_answered_mail(string now)
    {
        var clock = DateTimeOffset.Parse(now, CultureInfo.InvariantCulture);
        await using var api = new KontaktlofteFactory(now: clock);
        var calendar = api.Services.GetRequiredService<WorkingDayCalendar>();
        var today = Stockholm.DayOf(clock);
        // Nothing falls due on a day off (Lag 1930:173): there "due today" is what is due on the first working day ahead.
        var firstWorkingDay = calendar.SameOrNextWorkingDay(today);
        await api.Services.GetRequiredService<MailboxWatcher>().RoundAsync(CancellationToken.None);

        foreach (var (mailbox, email) in Mailboxes)
        {
            var official = api.SandboxOfficial(email);
            var worklist = (await official.GetFromJsonAsync<JsonElement>("/api/worklist")).GetProperty("items").EnumerateArray()
                .Where(i => i.GetProperty("mailbox").GetString() == mailbox).ToList();
            var mail = (await official.GetFromJsonAsync<List<JsonElement>>($"/api/sandbox/messages?mailbox={mailbox}"))!;
            string[] Labels(string id) => mail.Single(m => m.GetProperty("id").GetString() == id).GetProperty("categories")
                .EnumerateArray().Select(c => c.GetString()!).ToArray();

            var fresh = worklist.Where(i => State(i) == "open" && i.GetProperty("workingDaysLeft").GetInt32() == 2).ToList();
            Assert.IsNotEmpty(fresh, $"{mailbox}: fresh mail, two working days left");
            CollectionAssert.Contains(Labels(Id(fresh[0])), PromiseLabels.Open, mailbox);

            var dueToday = worklist.Where(i => State(i) == "open" && i.GetProperty("dueDate").GetString() == firstWorkingDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
                .ToList();
            Assert.IsNotEmpty(dueToday, $"{mailbox}: mail due {firstWorkingDay}");
            if (firstWorkingDay == today) CollectionAssert.Contains(Labels(Id(dueToday[0])), PromiseLabels.DueToday, mailbox);

            var overdue = worklist.Where(i => State(i) == "overdue").ToList();
            Assert.IsNotEmpty(overdue, $"{mailbox}: overdue mail");
            CollectionAssert.Contains(Labels(Id(overdue[0])), PromiseLabels.Overdue, mailbox);

            var acknowledged = worklist.Where(i => State(i) == "acknowledged").ToList();
            Assert.IsNotEmpty(acknowledged, $"{mailbox}: acknowledged mail");
            var listed = await official.GetAsync($"/api/messages/{Id(acknowledged[0])}/acknowledgements" + (mailbox == email ? "" : $"?mailbox={mailbox}"));
            Assert.AreEqual(System.Net.HttpStatusCode.OK, listed.StatusCode, $"{mailbox}: {await listed.Content.ReadAsStringAsync()}");
            var receipts = (await listed.Content.ReadFromJsonAsync<List<JsonElement>>())!;
            var receipt = receipts.Single();
            Assert.AreEqual("sent", receipt.GetProperty("status").GetString(), $"{mailbox}: the receipt went out");
            Assert.IsTrue(DateOnly.Parse(receipt.GetProperty("promisedDate").GetString()!, CultureInfo.InvariantCulture) > today);
            var sent = (await official.GetFromJsonAsync<List<JsonElement>>("/api/sandbox/sent"))!;
            var inSentItems = sent.Single(s => s.GetProperty("inReplyTo").GetString() == Id(acknowledged[0]));
            Assert.AreEqual(receipt.GetProperty("to").GetString(), inSentItems.GetProperty("to").GetString(), $"{mailbox}: to the citizen");
            Assert.IsTrue(inSentItems.GetProperty("sentAt").GetDateTimeOffset() < clock, "sent before the sandbox started");
            CollectionAssert.Contains(Labels(Id(acknowledged[0])), PromiseLabels.Acknowledged, mailbox);

            // Answered by a reply in Sent Items: off the worklist, labelled so by the watcher, and the promise says how.
            var answered = mail.Where(m => m.GetProperty("categories").EnumerateArray().Any(c => c.GetString() == PromiseLabels.Answered)).ToList();
            Assert.IsNotEmpty(answered, $"{mailbox}: answered mail");
            var answeredId = answered[0].GetProperty("id").GetString()!;
            Assert.IsFalse(worklist.Any(i => Id(i) == answeredId), $"{mailbox}: an answered mail is not on the worklist");
            var promise = await official.GetFromJsonAsync<JsonElement>($"/api/messages/{answeredId}/promise" + (mailbox == email ? "" : $"?mailbox={mailbox}"));
            Assert.AreEqual("answered", promise.GetProperty("state").GetString(), mailbox);
            Assert.AreEqual("mail", promise.GetProperty("answeredHow").GetString(), mailbox);
            Assert.IsTrue(sent.Any(s => s.GetProperty("inReplyTo").GetString() == answeredId), $"{mailbox}: the reply is in Sent Items");
        }
    }
}
