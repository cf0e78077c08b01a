using Kontaktlofte.AddinApi.Data;
using Kontaktlofte.AddinApi.Mail;
using Kontaktlofte.AddinApi.Mailbox;
using Kontaktlofte.AddinApi.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kontaktlofte.AddinApi.Registration;

/// <summary>Where a registration stands.</summary>
public enum RegistrationState
{
    /// <summary>Recorded, on its way to the registry; with Lex down it waits here ("väntar på Lex"), nothing lost.</summary>
    Queued,

    /// <summary>Registered: the case and document numbers are known.</summary>
    Registered,

    /// <summary>Handed to Lex's automatic registration by mail: Lex numbers it.</summary>
    HandedToLex,

    /// <summary>The registry refused it for good (an unknown case at Lex): the registrar must register it again.</summary>
    Refused,
}

/// <summary>
/// The product's record of one mail's registration (whatever the registry): the register entry in its secrecy-aware
/// form (OSL 5 kap. 2 §) and the numbers once known. One per Internet message id: a mail is registered once, however many
/// copies of it are registered. Never the body.
/// </summary>
public sealed class MailRegistration
{
    public Guid Id { get; set; }
    /// <summary>The mail's id in <see cref="Mailbox"/> (immutable) and its Internet message id (unique).</summary>
    public required string MessageId { get; set; }
    public required string InternetMessageId { get; set; }
    public string? ConversationId { get; set; }
    public required string Mailbox { get; set; }
    public DocumentDirection Direction { get; set; }
    public RegistrationState State { get; set; }
    /// <summary>The adapter that took it (Embedded, LexMail, LexHttp).</summary>
    public required string Registry { get; set; }

    /// <summary>The case: its number once known (written as Botkyrka writes it), the series of a new one, its public title.</summary>
    public string? CaseNumber { get; set; }
    public string? Series { get; set; }
    public required string CaseTitle { get; set; }
    public string? CaseTitleKeptApart { get; set; }
    public int? DocumentNumber { get; set; }

    public required string DocumentType { get; set; }
    public string? ClassificationCode { get; set; }
    public string? Officer { get; set; }
    /// <summary>The OSL provision for a secret record; null for a public one.</summary>
    public string? SecrecyGround { get; set; }
    public bool Secret => SecrecyGround is not null;

    /// <summary>The document's public title, and a secret record's revealing part kept apart.</summary>
    public required string Title { get; set; }
    public string? TitleKeptApart { get; set; }
    /// <summary>The sender (incoming) or recipient (outgoing), public; a secret record keeps them apart instead.</summary>
    public string? PartyName { get; set; }
    public string? PartyAddress { get; set; }
    public string? PartyKeptApartName { get; set; }
    public string? PartyKeptApartAddress { get; set; }
    /// <summary>A keyed hash of the party's address: suggests the case of the same sender without searching kept-apart parts.</summary>
    public string? PartyKey { get; set; }
    public DateTimeOffset DocumentDate { get; set; }
    public List<string> Attachments { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    /// <summary>The long-running session that lets the outbox read and mark the mail later (Graph).</summary>
    public string? SessionKey { get; set; }
    /// <summary>The official whose mailbox holds the mail, when a request brought it (their session reaches it).</summary>
    public string? ActingFor { get; set; }
    public DateTimeOffset? RegisteredAt { get; set; }
    /// <summary>What the adapter remembers between tries (<see cref="IRegistryMemo"/>).</summary>
    public string? RegistryMemo { get; set; }
    /// <summary>Why the registry refused, in Swedish; or why it waits.</summary>
    public string? Problem { get; set; }

    /// <summary>The Outlook category the registered mail gets: <c>Registrerad KS/2026:17</c>.</summary>
    public string? Category => CaseNumber is null ? null : Promises.PromiseLabels.Registered(CaseNumber);

    /// <summary>Who reaches the mail: the registrar in their own or a function mailbox, or the requesting official's session.</summary>
    public MailboxOwner Owner => MailboxOwner.Acting(ActingFor ?? CreatedBy, SessionKey, Mailbox);

    public MailAddress? Party => PartyAddress is null ? null : new MailAddress(PartyName, PartyAddress);
    public MailAddress? PartyKeptApart => PartyKeptApartAddress is null ? null : new MailAddress(PartyKeptApartName, PartyKeptApartAddress);

    public const int MaxTitle = 500;
}

internal sealed class RegistrationConfiguration : IEntityTypeConfiguration<MailRegistration>
{
    public void Configure(EntityTypeBuilder<MailRegistration> registration)
    {
        registration.ToTable("Registrations");
        registration.Property(r => r.MessageId).HasMaxLength(512);
        registration.Property(r => r.InternetMessageId).HasMaxLength(998);
        registration.Property(r => r.ConversationId).HasMaxLength(512);
        registration.Property(r => r.Mailbox).HasMaxLength(320);
        registration.Property(r => r.Direction).HasConversion<string>().HasMaxLength(16);
        registration.Property(r => r.State).HasConversion<string>().HasMaxLength(16);
        registration.Property(r => r.Registry).HasMaxLength(16);
        registration.Property(r => r.CaseNumber).HasMaxLength(40);
        registration.Property(r => r.Series).HasMaxLength(Registry.CaseNumber.MaxSeriesLength);
        registration.Property(r => r.CaseTitle).HasMaxLength(MailRegistration.MaxTitle);
        registration.Property(r => r.CaseTitleKeptApart).HasMaxLength(MailRegistration.MaxTitle);
        registration.Property(r => r.DocumentType).HasMaxLength(100);
        registration.Property(r => r.ClassificationCode).HasMaxLength(20);
        registration.Property(r => r.Officer).HasMaxLength(320);
        registration.Property(r => r.SecrecyGround).HasMaxLength(100);
        registration.Property(r => r.Title).HasMaxLength(MailRegistration.MaxTitle);
        registration.Property(r => r.TitleKeptApart).HasMaxLength(MailRegistration.MaxTitle);
        registration.Property(r => r.PartyName).HasMaxLength(200);
        registration.Property(r => r.PartyAddress).HasMaxLength(320);
        registration.Property(r => r.PartyKeptApartName).HasMaxLength(200);
        registration.Property(r => r.PartyKeptApartAddress).HasMaxLength(320);
        registration.Property(r => r.PartyKey).HasMaxLength(64);
        registration.Property(r => r.CreatedBy).HasMaxLength(320);
        registration.Property(r => r.ActingFor).HasMaxLength(320);
        registration.Property(r => r.Problem).HasMaxLength(1000);
        registration.Property(r => r.RegistryMemo).HasMaxLength(1000);
        registration.Ignore(r => r.Secret);
        registration.Ignore(r => r.Category);
        registration.Ignore(r => r.Owner);
        registration.Ignore(r => r.Party);
        registration.Ignore(r => r.PartyKeptApart);
        registration.HasIndex(r => r.InternetMessageId).IsUnique();
        registration.HasIndex(r => r.CaseNumber);
        registration.HasIndex(r => r.ConversationId);
        registration.HasIndex(r => r.PartyKey);
        registration.HasIndex(r => r.CreatedAt);
    }
}

/// <summary>The registrations, as <c>db.Registrations</c>: the database itself knows no feature.</summary>
internal static class RegistrationSet
{
    extension(KontaktlofteDb db)
    {
        public DbSet<MailRegistration> Registrations => db.Set<MailRegistration>();
    }
}
