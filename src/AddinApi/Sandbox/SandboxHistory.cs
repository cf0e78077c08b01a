using Kontaktlofte.AddinApi.Acknowledgements;
using Kontaktlofte.AddinApi.Data;
using Kontaktlofte.AddinApi.Mailbox;
using Kontaktlofte.AddinApi.Outbox;
using Kontaktlofte.AddinApi.Promises;

namespace Kontaktlofte.AddinApi.Sandbox;

/// <summary>
/// What the officials did with the seeded mail before the sandbox started, done as the product does it, so that the
/// watcher finds every state in every mailbox: a receipt through the product's own acknowledgement (recorded, sent
/// through the outbox, the promise and the category set), and an answer as a reply in the mailbox's Sent Items.
/// Both happened shortly after the mail came in, never at the same moment as anything sent later: the sandbox's Sent
/// Items feed reads by time.
/// </summary>
internal static class SandboxHistory
{
    private static readonly TimeSpan AfterArrival = TimeSpan.FromHours(1);

    public static async Task WriteAsync(IServiceProvider services, IReadOnlyList<(SandboxSeed.Seed Seed, SandboxMail Mail)> seeded)
    {
        var clock = services.GetRequiredService<TimeProvider>();
        foreach (var (seed, mail) in seeded)
        {
            // Untouched mail has nobody who acted (a colleague who cannot sign in has no one to act for them).
            if (seed.Then == SandboxSeed.Done.Nothing) continue;
            var official = OfficialOf(mail.Mailbox);
            var at = ActedAt(mail.ReceivedAt, clock.GetUtcNow());
            if (seed.Then == SandboxSeed.Done.Acknowledged) await AcknowledgeAsync(services, mail, official, at);
            if (seed.Then == SandboxSeed.Done.Answered) await AnswerAsync(services, mail, official, seed.Answer!, at);
        }
    }

    /// <summary>An hour after it came in, yet at least a minute before now.</summary>
    private static DateTimeOffset ActedAt(DateTimeOffset receivedAt, DateTimeOffset now)
    {
        var then = receivedAt + AfterArrival;
        var latest = now.AddMinutes(-1);
        return then <= latest ? then : latest < receivedAt ? receivedAt : latest;
    }

    /// <summary>Who answers from a mailbox: its owner, or a function mailbox's first watcher.</summary>
    private static SandboxUser OfficialOf(string mailbox) =>
        SandboxUsers.Find(mailbox)
        ?? SandboxUsers.Find(SandboxUsers.FunctionMailboxes.First(f => f.Address.Equals(mailbox, StringComparison.OrdinalIgnoreCase)).Watchers[0])!;

    /// <summary>
    /// The receipt, through the product's own services standing at the moment it was sent: checked, recorded, sent
    /// through the outbox. It promises an answer a week after the first working day from today, so it stays
    /// acknowledged whenever the sandbox is looked at.
    /// </summary>
    private static async Task AcknowledgeAsync(IServiceProvider services, SandboxMail mail, SandboxUser official, DateTimeOffset at)
    {
        var then = new StandingClock(at);
        var mailbox = new SandboxMailbox(services.GetRequiredService<SandboxDb>(), then);
        var tracker = ActivatorUtilities.CreateInstance<MessageTracker>(services, mailbox, then);
        var rules = ActivatorUtilities.CreateInstance<AcknowledgementRules>(services, then);
        var sender = ActivatorUtilities.CreateInstance<AcknowledgementSender>(services, mailbox, then);
        var outbox = ActivatorUtilities.CreateInstance<OutboxQueue>(services, then, new IOutboxSender[] { sender });
        var calendar = services.GetRequiredService<WorkingDayCalendar>();
        var today = services.GetRequiredService<TimeProvider>().Today();

        var owner = new MailboxOwner(official.Email, null);
        // Tracked as the watcher tracks it on arrival, in its own mailbox (a function mailbox's, not the official's who answers).
        var tracked = await tracker.TrackAsync(SandboxMailbox.ToMessage(mail), mail.Mailbox, null, CancellationToken.None);
        var me = new ContactPerson(official.Name, official.Title, official.Phone, official.Email);
        var request = new AcknowledgementRequest(null, calendar.AddWorkingDays(calendar.SameOrNextWorkingDay(today), 5), null, null);
        var (facts, problem) = rules.Check(request, tracked, me);
        if (problem is not null) throw new InvalidOperationException($"Sandlådans mottagningsbevis till {mail.Subject} godtogs inte.");
        var ack = AcknowledgementEndpoints.Record(tracked, facts!, me, owner, $"sandbox-seed-{mail.Id}",
            AcknowledgementEndpoints.Hash(mail.Id, false, request), 0, at);
        var db = services.GetRequiredService<KontaktlofteDb>();
        db.Acknowledgements.Add(ack);
        outbox.Enqueue(ack.Id, AcknowledgementSender.OutboxKind);
        db.Audit(at, official.Email, AcknowledgementAudit.Queued, ack.Id, AcknowledgementAudit.Details(ack));
        await db.SaveChangesAsync();
        sender.Remember(tracked.Message);
        await outbox.SendClaimedAsync(ack.Id, CancellationToken.None);
    }

    /// <summary>The official's reply, in Sent Items of the same mailbox and conversation, to the citizen.</summary>
    private static async Task AnswerAsync(IServiceProvider services, SandboxMail mail, SandboxUser official, string answer, DateTimeOffset at)
    {
        var db = services.GetRequiredService<SandboxDb>();
        var first = mail.FromName.Split(' ')[0];
        db.SandboxSentMail.Add(new SandboxSentMail
        {
            Id = "sent-" + Guid.NewGuid().ToString("N"),
            InReplyTo = mail.Id,
            To = mail.FromAddress,
            Subject = "SV: " + mail.Subject,
            BodyHtml = $"<p>Hej {first}!</p><p>{answer}</p><p>Med vänlig hälsning<br>{official.Name}<br>{official.Title}<br>Botkyrka kommun<br>{official.Phone}</p>",
            IsDraft = false,
            CreatedAt = at,
            SentAt = at,
        });
        await db.SaveChangesAsync();
    }

    /// <summary>A clock that stands at the moment the official acted.</summary>
    private sealed class StandingClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }
}
