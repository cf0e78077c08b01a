using Kontaktlofte.AddinApi.Data;
using Kontaktlofte.AddinApi.Mailbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kontaktlofte.AddinApi.Registration;

/// <summary>Where a request stands.</summary>
public enum RequestState
{
    /// <summary>In the registrars' queue "Att registrera".</summary>
    Pending,

    /// <summary>A registrar registered the mail.</summary>
    Registered,

    /// <summary>A registrar decided it need not be registered (OSL 5 kap. 1 §), with a reason.</summary>
    NotRegistered,
}

/// <summary>Why a mail need not be registered (OSL 5 kap. 1 § andra stycket).</summary>
public enum NotRegisteredReason
{
    /// <summary>"ringa-betydelse": of little importance for the municipality's activity.</summary>
    LittleImportance,

    /// <summary>"hålls-ordnad": kept in such order that it is easy to find whether it came in or was drawn up.</summary>
    KeptInOrder,
}

/// <summary>
/// An official's request that a mail be registered: the registrars' queue. The mail stays in the official's mailbox; the
/// request keeps the official's long-running session so that the registrar's registration can read and mark it there.
/// Subject and sender are kept only while the request waits (the queue shows them) and never for a sensitive mail.
/// </summary>
public sealed class RegistrationRequest
{
    public Guid Id { get; set; }
    public required string MessageId { get; set; }
    public required string InternetMessageId { get; set; }
    public string? ConversationId { get; set; }
    public required string Mailbox { get; set; }
    public required string RequestedBy { get; set; }
    public required string RequestedByName { get; set; }
    public string? SessionKey { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public string? Note { get; set; }
    /// <summary>The case the official thinks it belongs to (a reply in a registered case).</summary>
    public string? CaseNumber { get; set; }
    public string? Subject { get; set; }
    public string? FromName { get; set; }
    public string? FromAddress { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public bool Sensitive { get; set; }
    public string? WebLink { get; set; }

    public RequestState State { get; set; }
    public Guid? RegistrationId { get; set; }
    public NotRegisteredReason? Reason { get; set; }
    public string? DecisionNote { get; set; }
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }

    public const int MaxNote = 500;

    public MailboxOwner Owner => MailboxOwner.Acting(RequestedBy, SessionKey, Mailbox);
}

internal sealed class RegistrationRequestConfiguration : IEntityTypeConfiguration<RegistrationRequest>
{
    public void Configure(EntityTypeBuilder<RegistrationRequest> request)
    {
        request.ToTable("RegistrationRequests");
        request.Property(r => r.MessageId).HasMaxLength(512);
        request.Property(r => r.InternetMessageId).HasMaxLength(998);
        request.Property(r => r.ConversationId).HasMaxLength(512);
        request.Property(r => r.Mailbox).HasMaxLength(320);
        request.Property(r => r.RequestedBy).HasMaxLength(320);
        request.Property(r => r.RequestedByName).HasMaxLength(200);
        request.Property(r => r.Note).HasMaxLength(RegistrationRequest.MaxNote);
        request.Property(r => r.CaseNumber).HasMaxLength(40);
        request.Property(r => r.Subject).HasMaxLength(500);
        request.Property(r => r.FromName).HasMaxLength(200);
        request.Property(r => r.FromAddress).HasMaxLength(320);
        request.Property(r => r.WebLink).HasMaxLength(2048);
        request.Property(r => r.State).HasConversion<string>().HasMaxLength(16);
        request.Property(r => r.Reason).HasConversion<string>().HasMaxLength(20);
        request.Property(r => r.DecisionNote).HasMaxLength(RegistrationRequest.MaxNote);
        request.Property(r => r.DecidedBy).HasMaxLength(320);
        request.Ignore(r => r.Owner);
        request.HasIndex(r => new { r.State, r.RequestedAt });
        request.HasIndex(r => r.InternetMessageId);
    }
}

/// <summary>The registration requests, as <c>db.RegistrationRequests</c>.</summary>
internal static class RegistrationRequestSet
{
    extension(KontaktlofteDb db)
    {
        public DbSet<RegistrationRequest> RegistrationRequests => db.Set<RegistrationRequest>();
    }
}
