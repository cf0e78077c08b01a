using Kontaktlofte.AddinApi.Data;
using Kontaktlofte.AddinApi.Mail;
using Kontaktlofte.AddinApi.Mailbox;
using Kontaktlofte.AddinApi.Organisation;
using Kontaktlofte.AddinApi.Outbox;
using Kontaktlofte.AddinApi.Promises;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;

namespace Kontaktlofte.AddinApi.Watching;

/// <summary>One official's morning digest of one working day: recorded once (never two on a day), delivered by the outbox.</summary>
public sealed class Digest
{
    public Guid Id { get; set; }
    public required string Recipient { get; set; }
    public DateOnly Day { get; set; }
    /// <summary>How many mails it named when recorded (the text is written when sent, from what is open then).</summary>
    public int Count { get; set; }
    public string? DraftId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class DigestConfiguration : IEntityTypeConfiguration<Digest>
{
    public void Configure(EntityTypeBuilder<Digest> digest)
    {
        digest.ToTable("Digests");
        digest.Property(d => d.Recipient).HasMaxLength(320);
        digest.Property(d => d.DraftId).HasMaxLength(512);
        digest.HasIndex(d => new { d.Recipient, d.Day }).IsUnique();
    }
}

/// <summary>
/// The reminders: each working morning from <see cref="WatcherOptions.DigestTime"/> every official with citizen mail due
/// today or overdue — in their own mailbox or a function mailbox they watch — gets one short digest mail; nobody gets one
/// when nothing is due. Sent from the official's own mailbox to themselves (the application's Mail.Send, in the watched
/// scope), marked <c>Auto-Submitted: auto-generated</c> so that no automatic reply answers it (RFC 3834).
/// </summary>
internal sealed class Digests(KontaktlofteDb db, OutboxQueue outbox, WorkingDayCalendar calendar, TimeProvider clock, IOptions<WatcherOptions> options)
{
    /// <summary>The working day whose digests are due now (it is past <see cref="WatcherOptions.DigestTime"/>), else null.</summary>
    public DateOnly? DueDay() => DueDay(clock, calendar, options.Value.DigestTime);

    /// <summary>The same for any digest of the morning: today, when it is a working day and past <paramref name="digestTime"/> in Stockholm.</summary>
    public static DateOnly? DueDay(TimeProvider clock, WorkingDayCalendar calendar, TimeOnly digestTime)
    {
        var local = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Stockholm.Zone);
        var today = DateOnly.FromDateTime(local.DateTime);
        return calendar.IsWorkingDay(today) && TimeOnly.FromDateTime(local.DateTime) >= digestTime ? today : null;
    }

    /// <summary>Records and sends the digests due now; returns how many were recorded.</summary>
    public async Task<int> RunAsync(CancellationToken cancel)
    {
        if (DueDay() is not { } today) return 0;
        var done = await db.Set<Digest>().Where(d => d.Day == today).Select(d => d.Recipient).ToListAsync(cancel);
        var recorded = 0;
        foreach (var (recipient, mailboxes) in await RecipientsAsync(db, cancel))
        {
            if (done.Contains(recipient)) continue;
            var count = await Due(db, mailboxes, today).CountAsync(cancel);
            if (count == 0) continue;
            var digest = new Digest { Id = Guid.NewGuid(), Recipient = recipient, Day = today, Count = count, CreatedAt = clock.GetUtcNow() };
            if (await RecordAsync(db, outbox, digest, digest.Id, DigestSender.OutboxKind, cancel)) recorded++;
        }
        return recorded;
    }

    /// <summary>
    /// Records a digest with its outbox item and sends it; false when another instance recorded the same one first — the
    /// digest's unique index decides, not an instance's memory.
    /// </summary>
    public static async Task<bool> RecordAsync<T>(KontaktlofteDb db, OutboxQueue outbox, T digest, Guid id, string kind, CancellationToken cancel)
        where T : class
    {
        db.Set<T>().Add(digest);
        var item = outbox.Enqueue(id, kind);
        try
        {
            await db.SaveChangesAsync(cancel);
        }
        catch (DbUpdateException)
        {
            db.Entry(digest).State = EntityState.Detached;
            db.Entry(item).State = EntityState.Detached;
            return false;
        }
        // Recorded: the send is not the round's to cancel.
        await outbox.SendClaimedAsync(id, CancellationToken.None);
        return true;
    }

    /// <summary>Every official the watcher knows, and every function mailbox's watcher: each with the mailboxes they answer.</summary>
    public static async Task<List<(string Recipient, List<string> Mailboxes)>> RecipientsAsync(KontaktlofteDb db, CancellationToken cancel)
    {
        var officials = await db.Officials.Select(o => o.Email).ToListAsync(cancel);
        var functions = await db.Set<WatchedMailbox>().AsNoTracking().ToListAsync(cancel);
        return officials.Concat(functions.SelectMany(f => f.Watchers)).Select(a => a.Trim().ToLowerInvariant()).Distinct()
            .Select(r => (r, functions.Where(f => f.Watchers.Contains(r)).Select(f => f.Address).Prepend(r).ToList())).ToList();
    }

    /// <summary>Open citizen mail whose day has come: due (or promised) today or before.</summary>
    public static IQueryable<TrackedMessage> Due(KontaktlofteDb db, List<string> mailboxes, DateOnly today) =>
        db.Messages.Where(m => mailboxes.Contains(m.Mailbox) && m.AnsweredAt == null && m.HandedOverAt == null && DueDates.Promised.Contains(m.Category)
                               && (m.PromisedDate ?? m.DueDate) <= today);
}

/// <summary>Writes and sends one digest: what, from whom, due when, a link — plain Swedish, nothing of a sensitive mail.</summary>
internal sealed class DigestSender(KontaktlofteDb db, IBackgroundMail mail, TimeProvider clock) : IOutboxSender
{
    public const string OutboxKind = "digest";
    public string Kind => OutboxKind;

    public async Task SendAsync(Guid id, CancellationToken cancel)
    {
        var digest = await db.Set<Digest>().FirstAsync(d => d.Id == id, cancel);
        await MailboxSends.Through(async () =>
        {
            if (digest.DraftId is null)
            {
                var mailboxes = (await Digests.RecipientsAsync(db, cancel)).FirstOrDefault(r => r.Recipient == digest.Recipient).Mailboxes ?? [digest.Recipient];
                var due = await Digests.Due(db, mailboxes, digest.Day).AsNoTracking().ToListAsync(cancel);
                if (due.Count == 0) return; // all answered since it was recorded: nothing to remind of
                var draft = await mail.CreateMailAsync(digest.Recipient, new NewMail(new MailAddress(null, digest.Recipient), Subject(due.Count),
                    Html(due, digest.Recipient, digest.Day)), GeneratedMail.Headers, cancel);
                digest.DraftId = draft.Id;
                await db.SaveChangesAsync(cancel);
            }
            MailboxSends.Confirmed(await mail.SendAsync(digest.Recipient, digest.DraftId, cancel), digest.CreatedAt, clock, "Påminnelsen");
        });
    }

    public Task GaveUpAsync(Guid id, CancellationToken cancel) => Task.CompletedTask;

    public static string Subject(int count) => count == 1 ? "Kontaktlöfte: 1 mejl att svara på" : $"Kontaktlöfte: {count} mejl att svara på";

    /// <summary>The most urgent first: overdue, then due today. A sensitive mail is named only as such (its subject and sender are not kept).</summary>
    public static string Html(IReadOnlyList<TrackedMessage> due, string recipient, DateOnly today)
    {
        var items = due.OrderBy(m => m.PromisedDate ?? m.DueDate).ThenBy(m => m.ReceivedAt).Select(m =>
        {
            var day = m.PromisedDate ?? m.DueDate;
            var when = day < today ? $"Försenat, skulle ha besvarats {HandoverText.Date(day, "sv")}" : "Svara i dag";
            var what = m.Subject is null ? "Ett meddelande med känsligt innehåll" : $"”{m.Subject}”";
            var who = m.CitizenName ?? m.CitizenAddress;
            var where = m.Mailbox == recipient ? "" : $" I {m.Mailbox}.";
            var text = GeneratedMail.Encoder.Encode($"{when}: {what}{(who is null ? "" : $" från {who}")}.{where}");
            return m.WebLink is null ? $"<li>{text}</li>" : $"<li>{text} <a href=\"{GeneratedMail.Encoder.Encode(m.WebLink)}\">Öppna mejlet</a></li>";
        });
        return "<div>\n<p>God morgon!</p>\n<p>De här mejlen från invånare ska besvaras i dag eller är försenade:</p>\n<ul>\n" +
               string.Join("\n", items) + "\n</ul>\n" +
               "<p>Svara invånaren, eller skicka ett mottagningsbevis med ett nytt svarsdatum och en kontaktperson.</p>\n" +
               "<p>Det här är en automatisk påminnelse från Kontaktlöfte.</p>\n</div>\n";
    }
}
