using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kontaktlofte.AddinApi.Watching;

/// <summary>
/// A function mailbox (funktionsbrevlåda: bygglov@, info@, kontaktcenter@) and who watches it: its mail is tracked when it
/// arrives, and shows in its watchers' worklists. The officials' own mailboxes are watched from their first sign-in
/// without a row here.
/// </summary>
public sealed class WatchedMailbox
{
    public required string Address { get; set; }
    /// <summary>The officials who answer its mail (e-mail addresses, lower case).</summary>
    public List<string> Watchers { get; set; } = [];
    /// <summary>Whether a new citizen question gets an automatic receipt (off by default; set by the unit head).</summary>
    public bool AutomaticReceipt { get; set; }
    /// <summary>When it was turned on: only mail received since gets an automatic receipt.</summary>
    public DateTimeOffset? AutomaticReceiptSince { get; set; }
    public string? ReceiptNote { get; set; }
}

/// <summary>Where the watcher is in a mailbox's folder: the link to ask with next (a delta link, or a next link mid-round).</summary>
public sealed class FeedState
{
    public required string Mailbox { get; set; }
    /// <summary><c>inbox</c> or <c>sentitems</c>.</summary>
    public required string Folder { get; set; }
    public string? Link { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Why the last round failed, if it did (never a body).</summary>
    public string? LastError { get; set; }
}

internal sealed class WatchedMailboxConfiguration : IEntityTypeConfiguration<WatchedMailbox>, IEntityTypeConfiguration<FeedState>
{
    public void Configure(EntityTypeBuilder<WatchedMailbox> mailbox)
    {
        mailbox.ToTable("WatchedMailboxes");
        mailbox.HasKey(m => m.Address);
        mailbox.Property(m => m.Address).HasMaxLength(320);
        mailbox.Property(m => m.ReceiptNote).HasMaxLength(500);
        mailbox.PrimitiveCollection(m => m.Watchers);
    }

    public void Configure(EntityTypeBuilder<FeedState> state)
    {
        state.ToTable("FeedStates");
        state.HasKey(s => new { s.Mailbox, s.Folder });
        state.Property(s => s.Mailbox).HasMaxLength(320);
        state.Property(s => s.Folder).HasMaxLength(32);
        state.Property(s => s.Link).HasMaxLength(4000);
        state.Property(s => s.LastError).HasMaxLength(500);
    }
}

/// <summary>How the watcher runs (fixed names: design.md, Watched mailboxes).</summary>
public sealed class WatcherOptions
{
    public const string Section = "Watcher";

    /// <summary>Off only for tests that want no background work; on in every real run.</summary>
    public bool Enabled { get; set; } = true;

    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00", ErrorMessage = "Watcher:PollInterval ska vara mellan 100 millisekunder och en timme.")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The function mailboxes to watch; their watchers are set with <c>PUT /api/mailboxes/{address}</c>.</summary>
    public List<string> FunctionMailboxes { get; set; } = [];

    /// <summary>
    /// A mailbox's first round (and a full round after a lost link) tracks only mail received within this many days: an
    /// official's first sign-in must not turn years of Inbox into "försenat".
    /// </summary>
    [Range(1, 365, ErrorMessage = "Watcher:FirstRoundDays ska vara mellan 1 och 365.")]
    public int FirstRoundDays { get; set; } = 14;

    /// <summary>Mailboxes watched at once (Graph allows four concurrent requests per mailbox; one at a time each here).</summary>
    [Range(1, 16, ErrorMessage = "Watcher:Parallel ska vara mellan 1 och 16.")]
    public int Parallel { get; set; } = 4;

    /// <summary>When each working morning the digest of what is due goes out (Europe/Stockholm).</summary>
    public TimeOnly DigestTime { get; set; } = new(7, 30);

    /// <summary>Off only for tests that want no reminders; on in every real run.</summary>
    public bool Digests { get; set; } = true;

    /// <summary>The unit heads' Monday digest (the first working day of each week, from <see cref="DigestTime"/>); on in every real run.</summary>
    public bool HeadDigests { get; set; } = true;

    /// <summary>
    /// The API's public address (where Outlook loads the add-in from, e.g. <c>https://kontaktlofte.botkyrka.se</c>): a digest
    /// links to its pages. Empty: the digest names the page without a link.
    /// </summary>
    [Url(ErrorMessage = "Watcher:PublicBaseUrl ska vara en fullständig adress, till exempel https://kontaktlofte.botkyrka.se.")]
    public string? PublicBaseUrl { get; set; }
}
