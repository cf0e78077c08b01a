using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kontaktlofte.AddinApi.Auth;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kontaktlofte.AddinApi.Tests.Platform;

/// <summary>
/// design.md (Data): never log a personal identity number or a body; issue 12: nor a subject. One whole flow at the most
/// talkative log level — a citizen's mail arrives and is watched, opened, classified, answered in a reviewed draft,
/// acknowledged, asked to be registered, registered, handed over and called back — and then every line, its values, scopes
/// and exceptions are searched; and the audit log's lines of the same flow for the citizen's name, address and words.
/// </summary>
[TestClass]
public sealed class LogPrivacyTests
{
    private static readonly DateTimeOffset Wednesday = new(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(1));
    private const string Hanna = "handlaggare@sandbox.botkyrka.se";

    // Skatteverket's test number, in the three ways a citizen writes it; a subject and a body no log may hold.
    private static readonly string[] Secrets =
        ["19121212-1212", "191212-1212", "191212 1212", "Kvastfenning", "Gullvivestigen 12B", "skuldsanering"];

    [TestMethod]
    public async Task A_whole_flow_logs_no_personal_identity_number_no_body_and_no_subject()
    {
        var lines = new Lines();
        await using var api = new KontaktlofteFactory(now: Wednesday,
            settings: new()
            {
                ["Logging:LogLevel:Default"] = "Trace", ["Logging:LogLevel:Microsoft"] = "Trace", ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
                ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Trace", ["Watcher:Enabled"] = "true", ["Watcher:PollInterval"] = "00:00:01",
            },
            services: s => s.AddSingleton<ILoggerProvider>(lines));
        var hanna = api.SandboxOfficial(Hanna);
        var registrar = api.ClientAs(Roles.Registrator, Roles.Handlaggare);
        registrar.DefaultRequestHeaders.Add(TestAuthHandler.EmailHeader, "registrator@sandbox.botkyrka.se");

        const string body = "Hej! Jag heter Sven Kvastfenning, personnummer 19121212-1212 (191212-1212, 191212 1212), och bor på " +
                            "Gullvivestigen 12B. Jag behöver hjälp med skuldsanering. Hur ansöker jag? Hälsningar Sven";
        var posted = await hanna.PostAsJsonAsync("/api/sandbox/messages", new
        {
            from = new { name = "Sven Kvastfenning", address = "sven.kvastfenning@example.se" },
            subject = "Kvastfenning: fråga om skuldsanering", bodyText = body, mailbox = Hanna, receivedAt = Wednesday.AddHours(-2),
        });
        Assert.AreEqual(HttpStatusCode.Created, posted.StatusCode, await posted.Content.ReadAsStringAsync());
        var id = (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        Assert.AreEqual(HttpStatusCode.OK, (await hanna.GetAsync($"/api/messages/{Uri.EscapeDataString(id)}/promise")).StatusCode);
        Assert.AreEqual(HttpStatusCode.OK, (await hanna.PostAsJsonAsync("/api/messages/classify", new
        {
            subject = "Kvastfenning: fråga om skuldsanering", bodyText = body, from = new { name = "Sven Kvastfenning", address = "sven.kvastfenning@example.se" },
        })).StatusCode);
        var review = await hanna.PostAsJsonAsync("/api/drafts/review", new
        {
            subject = "Svar: Kvastfenning: fråga om skuldsanering", bodyHtml = $"<p>Hej Sven! Vi har fått ditt mejl med personnummer 19121212-1212.</p><blockquote>{body}</blockquote>",
            to = new[] { new { name = "Sven Kvastfenning", address = "sven.kvastfenning@example.se" } }, isReply = true,
        });
        Assert.AreEqual(HttpStatusCode.OK, review.StatusCode, await review.Content.ReadAsStringAsync());
        var receipt = await hanna.PostOnceAsync($"/api/messages/{Uri.EscapeDataString(id)}/acknowledgement", new { promisedDate = "2026-12-04" }, "privacy-1");
        Assert.AreEqual(HttpStatusCode.Created, receipt.StatusCode, await receipt.Content.ReadAsStringAsync());
        var asked = await hanna.PostAsJsonAsync($"/api/messages/{Uri.EscapeDataString(id)}/registration-request", new { note = "Skuldsanering för Kvastfenning" });
        Assert.AreEqual(HttpStatusCode.Accepted, asked.StatusCode, await asked.Content.ReadAsStringAsync());
        var request = (await asked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var registered = await registrar.PostAsJsonAsync($"/api/messages/{Uri.EscapeDataString(id)}/registration", new
        {
            direction = "incoming", series = "SOF", caseTitle = "Ansökan om skuldsanering", caseTitleKeptApart = "Sven Kvastfenning",
            documentType = "Ansökan", secret = true, secrecyGround = "OSL 26 kap. 1 §", requestId = request,
        });
        Assert.IsTrue(registered.StatusCode is HttpStatusCode.Created or HttpStatusCode.BadRequest, await registered.Content.ReadAsStringAsync());
        // Handed over with a note naming the citizen, then marked called back with another: notes are body-like text.
        var handedOver = await hanna.PostAsJsonAsync($"/api/messages/{Uri.EscapeDataString(id)}/handover", new
        {
            to = new { name = "Elin Sandberg", address = "enhetschef@sandbox.botkyrka.se" }, note = "Sven Kvastfenning, skuldsanering: ring honom.", notifyCitizen = true,
        });
        Assert.AreEqual(HttpStatusCode.Created, handedOver.StatusCode, await handedOver.Content.ReadAsStringAsync());
        var called = await hanna.PutAsJsonAsync($"/api/messages/{Uri.EscapeDataString(id)}/state", new { state = "called-back", note = "Ringde Kvastfenning om skuldsanering." });
        Assert.AreEqual(HttpStatusCode.OK, called.StatusCode, await called.Content.ReadAsStringAsync());
        // Bad input is logged too: a draft the API refuses must not leave its text in a log line either.
        await hanna.PostAsync("/api/drafts/review", new StringContent("{\"subject\":\"Kvastfenning\",\"bodyHtml\":19121212", System.Text.Encoding.UTF8, "application/json"));
        await Task.Delay(TimeSpan.FromSeconds(3)); // a few of the watcher's rounds over the mailbox

        Assert.IsGreaterThan(200, lines.Count, "the flow was logged at Trace (else this test proves nothing)");
        // The search itself finds what a feature would write: a line through the app's own logging, with a value.
        var logger = api.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Kontaktlofte.AddinApi.Watching.MailboxWatch");
        const string canary = "kanarie-19121212";
        if (logger.IsEnabled(LogLevel.Trace)) logger.LogTrace("Kanariefågel {Value}", canary);
        Assert.IsTrue(lines.All.Any(l => l.Contains("Value=kanarie-19121212", StringComparison.Ordinal)), "the capture sees structured values");
        var leaks = lines.All.Where(line => Secrets.Any(secret => line.Contains(secret, StringComparison.OrdinalIgnoreCase))).Distinct().Take(10).ToList();
        Assert.IsEmpty(leaks, "log lines with a personal identity number, a body or a subject:\n" + string.Join("\n---\n", leaks));

        // Issue 12: the audit log of the same flow names our records and officials, never the citizen or what they wrote.
        var audit = (await Audit.AuditRows.AllAsync(api)).Select(a => $"{a.Actor} | {a.Action} | {a.Target} | {a.Details}").ToList();
        foreach (var action in new[] { "acknowledgement.queued", "acknowledgement.sent", "registration-request.created", "handover.created", "handover.sent",
                     "promise.answered-otherwise" })
            Assert.IsTrue(audit.Any(line => line.Contains($" | {action} | ", StringComparison.Ordinal)), $"{action} is audited (else this proves nothing)");
        var citizen = audit.Where(line => Secrets.Append("Sven").Append("sven.kvastfenning@example.se")
            .Any(secret => line.Contains(secret, StringComparison.OrdinalIgnoreCase))).ToList();
        Assert.IsEmpty(citizen, "audit lines with the citizen's name, address, number, subject or text:\n" + string.Join("\n", citizen));
    }

    /// <summary>Every line, as text: the message, each structured value, the scopes around it and the exception.</summary>
    private sealed class Lines : ILoggerProvider, ILogger
    {
        private readonly ConcurrentQueue<string> _lines = new();
        private readonly AsyncLocal<List<object>?> _scopes = new();

        public int Count => _lines.Count;
        public IEnumerable<string> All => _lines;

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull
        {
            var scopes = _scopes.Value ??= [];
            scopes.Add(state);
            return new Popped(() => scopes.Remove(state));
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            var scopes = string.Join(" ", (_scopes.Value ?? []).Select(s => s is IEnumerable<KeyValuePair<string, object?>> kv ? string.Join(" ", kv.Select(p => $"{p.Key}={p.Value}")) : s.ToString()));
            _lines.Enqueue($"{logLevel} {eventId} {formatter(state, exception)} | {values} | {scopes} | {exception}");
        }

        public void Dispose() { }

        private sealed class Popped(Action pop) : IDisposable
        {
            public void Dispose() => pop();
        }
    }
}
