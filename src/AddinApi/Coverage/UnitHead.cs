using System.Security.Claims;
using Kontaktlofte.AddinApi.Data;
using Kontaktlofte.AddinApi.Mailbox;
using Kontaktlofte.AddinApi.Organisation;
using Kontaktlofte.AddinApi.Promises;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kontaktlofte.AddinApi.Coverage;

/// <summary>
/// A unit head as the background knows them, from their last look at the coverage (<c>GET /api/units/mine/coverage</c>):
/// who is in the unit then, and a long-running session to read the members' automatic replies for the Monday digest.
/// Members are colleagues: names and addresses, never anything of the citizens' mail.
/// </summary>
public sealed class UnitHead
{
    /// <summary>The head's address, lower case.</summary>
    public required string Email { get; set; }
    public required string Name { get; set; }
    /// <summary>The head's unit in Kontaktlöfte (the promise report's); null when they belong to none.</summary>
    public string? UnitName { get; set; }
    /// <summary>The members' addresses (the head's direct reports), lower case.</summary>
    public List<string> Members { get; set; } = [];
    /// <summary>The members' names, in the order of <see cref="Members"/>.</summary>
    public List<string> MemberNames { get; set; } = [];
    /// <summary>The function mailboxes the head or a member watched then.</summary>
    public List<string> FunctionMailboxes { get; set; } = [];
    /// <summary>The key of the head's long-running on-behalf-of session; null where the mailbox adapter keeps none (the sandbox).</summary>
    public string? SessionKey { get; set; }
    public DateTimeOffset? SessionStartedAt { get; set; }
    public DateTimeOffset LastSeenAt { get; set; }
}

internal sealed class UnitHeadConfiguration : IEntityTypeConfiguration<UnitHead>
{
    public void Configure(EntityTypeBuilder<UnitHead> head)
    {
        head.ToTable("UnitHeads");
        head.HasKey(h => h.Email);
        head.Property(h => h.Email).HasMaxLength(320);
        head.Property(h => h.Name).HasMaxLength(200);
        head.Property(h => h.UnitName).HasMaxLength(200);
        head.Property(h => h.SessionKey).HasMaxLength(512);
        head.PrimitiveCollection(h => h.Members);
        head.PrimitiveCollection(h => h.MemberNames);
        head.PrimitiveCollection(h => h.FunctionMailboxes);
    }
}

/// <summary>Remembers a unit head when they look at the coverage; a failure here never fails their view.</summary>
internal sealed class UnitHeads(KontaktlofteDb db, IMailbox mailbox, TimeProvider clock, ILogger<UnitHeads> log)
{
    public async Task SeenAsync(ClaimsPrincipal user, string email, string name, UnitCoverage coverage, CancellationToken cancel)
    {
        var now = clock.GetUtcNow();
        var head = await db.Set<UnitHead>().FirstOrDefaultAsync(h => h.Email == email, cancel);
        var isNew = head is null;
        head ??= db.Set<UnitHead>().Add(new UnitHead { Email = email, Name = name }).Entity;
        head.Name = name;
        head.UnitName = await db.Officials.Where(o => o.Email == email).Select(o => o.Unit!.Name).FirstOrDefaultAsync(cancel);
        head.Members = coverage.Members.Select(m => m.Email.ToLowerInvariant()).ToList();
        head.MemberNames = coverage.Members.Select(m => m.Name).ToList();
        head.FunctionMailboxes = coverage.FunctionMailboxes.Select(m => m.Address.ToLowerInvariant()).ToList();
        head.LastSeenAt = now;
        // One token exchange with Entra a day at most: the session, once started, is refreshed by MSAL on every use.
        if (head.SessionStartedAt is not { } started || Stockholm.DayOf(started) < clock.Today())
            try
            {
                head.SessionKey = (await mailbox.OpenForLaterAsync(user, cancel)).SessionKey;
                head.SessionStartedAt = now;
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // The digest then says that absences could not be read and asks the head to look again.
                log.LogWarning("Ingen bakgrundsinloggning kunde startas för enhetschefen {Head}: {Error}", email, error.Message);
            }
        try
        {
            await db.SaveChangesAsync(cancel);
        }
        catch (DbUpdateException) when (isNew)
        {
            db.Entry(head).State = EntityState.Detached; // the same head's other request recorded them a moment ago
        }
    }
}
