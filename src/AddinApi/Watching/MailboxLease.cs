using Kontaktlofte.AddinApi.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kontaktlofte.AddinApi.Watching;

/// <summary>
/// Which instance of the API is going through a mailbox now, and until when at the latest. Several instances on one
/// database each run the watcher: one at a time in a mailbox, so that no two read the same delta page and track, label or
/// answer its mail twice. A lease that ran out (an instance that died mid-round) is anyone's.
/// </summary>
public sealed class MailboxLease
{
    public required string Mailbox { get; set; }
    /// <summary>The watcher that holds it: the machine's name and an id per start.</summary>
    public required string Holder { get; set; }
    public DateTimeOffset Until { get; set; }
}

internal sealed class MailboxLeaseConfiguration : IEntityTypeConfiguration<MailboxLease>
{
    public void Configure(EntityTypeBuilder<MailboxLease> lease)
    {
        lease.ToTable("MailboxLeases");
        lease.HasKey(l => l.Mailbox);
        lease.Property(l => l.Mailbox).HasMaxLength(320);
        lease.Property(l => l.Holder).HasMaxLength(100);
    }
}

/// <summary>
/// Takes and gives back a mailbox's lease with statements that are atomic on SQLite and PostgreSQL alike: a conditional
/// update (PostgreSQL re-reads a row another transaction just changed before it updates it, so of two at once one finds the
/// lease taken) or, for a mailbox never leased, an insert that the primary key lets through once. A lease is not taken
/// again by its own holder while it runs: two rounds of one instance (the timer's and one asked for) keep apart as well.
/// </summary>
internal sealed class MailboxLeases(KontaktlofteDb db, TimeProvider clock)
{
    /// <summary>Longer than a round in one mailbox takes; an instance that dies holds it no longer than this.</summary>
    public static readonly TimeSpan Length = TimeSpan.FromMinutes(10);

    /// <summary>True when <paramref name="holder"/> now holds the mailbox; false when another instance does.</summary>
    public async Task<bool> TakeAsync(string mailbox, string holder, CancellationToken cancel)
    {
        var now = clock.GetUtcNow();
        var until = now + Length;
        var taken = await db.Set<MailboxLease>().Where(l => l.Mailbox == mailbox && l.Until < now)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.Until, until), cancel);
        if (taken == 1) return true;
        if (await db.Set<MailboxLease>().AnyAsync(l => l.Mailbox == mailbox, cancel)) return false;
        var lease = db.Set<MailboxLease>().Add(new MailboxLease { Mailbox = mailbox, Holder = holder, Until = until });
        try
        {
            await db.SaveChangesAsync(cancel);
            return true;
        }
        catch (DbUpdateException)
        {
            lease.State = EntityState.Detached; // another instance leased it first
            return false;
        }
        finally
        {
            if (lease.State != EntityState.Detached) lease.State = EntityState.Detached;
        }
    }

    /// <summary>
    /// Gives the mailbox back at the end of its round, so the next round may be any instance's. The row stays, run out, so
    /// that the next take is the conditional update rather than an insert two instances would race for.
    /// </summary>
    public Task ReleaseAsync(string mailbox, string holder, CancellationToken cancel) =>
        db.Set<MailboxLease>().Where(l => l.Mailbox == mailbox && l.Holder == holder)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Until, DateTimeOffset.UnixEpoch), cancel);
}
