using System.Text.Json;
using Kontaktlofte.AddinApi.Coverage;
using Kontaktlofte.AddinApi.Data;
using Kontaktlofte.AddinApi.Organisation;
using Kontaktlofte.AddinApi.Promises;
using Kontaktlofte.AddinApi.Watching;
using Microsoft.EntityFrameworkCore;

namespace Kontaktlofte.AddinApi.Sandbox;

/// <summary>
/// Fills the sandbox the first time it starts: officials, function mailboxes and citizen mail received relative to
/// today, so that every mailbox has fresh, due-today and overdue mail whenever the sandbox starts (<see cref="Mail"/>).
/// </summary>
internal static partial class SandboxSeed
{
    /// <summary>The sandbox users and their colleagues, as the directory would know them.</summary>
    public static async Task SeedOfficialsAsync(KontaktlofteDb db)
    {
        foreach (var user in SandboxUsers.All.Concat(SandboxUsers.Colleagues))
        {
            var unit = await db.Units.FirstOrDefaultAsync(u => u.Name == user.Unit)
                ?? db.Units.Add(new Unit { Name = user.Unit }).Entity;
            if (!await db.Officials.AnyAsync(o => o.Email == user.Email))
                db.Officials.Add(new Official { Email = user.Email, Name = user.Name, Title = user.Title, Phone = user.Phone, Unit = unit });
            await db.SaveChangesAsync();
        }
    }

    /// <summary>
    /// Per Holm's cover while he is away (SandboxDirectory): Sofia Ahmed reads his mail, as the unit head recorded it. Again
    /// on a start after it ran out, so that the sandbox always shows one.
    /// </summary>
    public static async Task SeedCoversAsync(KontaktlofteDb db, TimeProvider clock)
    {
        const string per = "per.holm@sandbox.botkyrka.se";
        var today = clock.Today();
        if (await db.Covers.AnyAsync(c => c.Member == per && c.To >= today)) return;
        await db.Covers.Where(c => c.Member == per).ExecuteDeleteAsync();
        db.Covers.Add(new Cover
        {
            Member = per, CoverEmail = "sofia.ahmed@sandbox.botkyrka.se", CoverName = "Sofia Ahmed",
            From = today.AddDays(-2), To = today.AddDays(5), SetBy = "enhetschef@sandbox.botkyrka.se", SetAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync();
    }

    /// <summary>The function mailboxes and their watchers, as a unit head would have set them.</summary>
    public static async Task SeedFunctionMailboxesAsync(KontaktlofteDb db)
    {
        foreach (var (address, _, watchers) in SandboxUsers.FunctionMailboxes)
            if (!await db.Set<WatchedMailbox>().AnyAsync(m => m.Address == address))
                db.Set<WatchedMailbox>().Add(new WatchedMailbox { Address = address, Watchers = [.. watchers] });
        await db.SaveChangesAsync();
    }

    /// <summary>Puts the seeded mail in the mailboxes, once; returns each new mail with its seed (none when seeded before).</summary>
    public static async Task<List<(Seed Seed, SandboxMail Mail)>> SeedAsync(SandboxDb db, WorkingDayCalendar calendar, TimeProvider clock)
    {
        if (await db.SandboxMail.AnyAsync()) return [];
        var now = clock.GetUtcNow();
        var today = clock.Today();
        var startOfToday = new DateTimeOffset(today.ToDateTime(TimeOnly.MinValue), Stockholm.Zone.GetUtcOffset(today.ToDateTime(TimeOnly.MinValue)));
        long version = 0;
        var seeded = new List<(Seed, SandboxMail)>();
        foreach (var (seed, index) in Mail.Select((s, i) => (s, i)))
        {
            var day = WorkingDaysBefore(calendar, calendar.SameOrNextWorkingDay(today), seed.WorkingDaysAgo);
            var local = day.ToDateTime(new TimeOnly(seed.Hour, 7 * index % 60));
            var receivedAt = new DateTimeOffset(local, Stockholm.Zone.GetUtcOffset(local));
            // Not yet arrived (early in the morning, or a day off): it came in a little while ago, still today.
            if (receivedAt > now) receivedAt = Max(now.AddMinutes(-10 - index), startOfToday);
            var mail = NewMail(seed.FromName, seed.FromAddress, seed.Subject, seed.Body, null, receivedAt, seed.Headers ?? []);
            mail.Mailbox = seed.Mailbox ?? SandboxUsers.All[0].Email;
            mail.Version = ++version;
            db.SandboxMail.Add(mail);
            seeded.Add((seed, mail));
        }
        await db.SaveChangesAsync();
        return seeded;
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    public static SandboxMail NewMail(string fromName, string fromAddress, string subject, string? bodyText, string? bodyHtml,
        DateTimeOffset receivedAt, Dictionary<string, string> headers)
    {
        var id = "sandbox-" + Guid.NewGuid().ToString("N")[..12];
        return new SandboxMail
        {
            Id = id,
            FromName = fromName,
            FromAddress = fromAddress,
            Subject = subject,
            BodyText = bodyText,
            BodyHtml = bodyHtml,
            ReceivedAt = receivedAt,
            HeadersJson = JsonSerializer.Serialize(headers),
            ConversationId = "conv-" + id,
            InternetMessageId = $"<{id}@sandbox.botkyrka.se>",
        };
    }

    /// <summary>The working day <paramref name="count"/> working days before <paramref name="day"/>, a working day.</summary>
    private static DateOnly WorkingDaysBefore(WorkingDayCalendar calendar, DateOnly day, int count)
    {
        for (var i = 0; i < count; i++)
        {
            day = day.AddDays(-1);
            while (!calendar.IsWorkingDay(day)) day = day.AddDays(-1);
        }
        return day;
    }
}
