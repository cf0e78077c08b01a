using System.Globalization;
using System.Text.Encodings.Web;
using Kontaktlofte.AddinApi.Mail;
using Kontaktlofte.AddinApi.Data;
using Kontaktlofte.AddinApi.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kontaktlofte.AddinApi.Watching;

/// <summary>
/// An automatic receipt from a function mailbox to a citizen's new mail (the citizens' proposal behind the promise: a
/// confirmation with when an answer can be expected and how to reach us). Delivered once through the outbox item with
/// the same id; one per message. The address is kept only until sent; the once-a-day rule keeps a hash.
/// </summary>
public sealed class AutomaticReceipt
{
    public Guid Id { get; set; }
    public required string MessageId { get; set; }
    public required string Mailbox { get; set; }
    /// <summary><see cref="AutomaticReceiptRules.SenderKey"/>: the citizen, as a hash.</summary>
    public required string SenderKey { get; set; }
    public string? ToName { get; set; }
    public string? ToAddress { get; set; }
    public required string Language { get; set; }
    public bool Sensitive { get; set; }
    public DateOnly ReceivedDate { get; set; }
    public DateOnly DueDate { get; set; }
    public string? DraftId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class AutomaticReceiptConfiguration : IEntityTypeConfiguration<AutomaticReceipt>
{
    public void Configure(EntityTypeBuilder<AutomaticReceipt> receipt)
    {
        receipt.ToTable("AutomaticReceipts");
        receipt.Property(r => r.MessageId).HasMaxLength(512);
        receipt.Property(r => r.Mailbox).HasMaxLength(320);
        receipt.Property(r => r.SenderKey).HasMaxLength(64);
        receipt.Property(r => r.ToName).HasMaxLength(200);
        receipt.Property(r => r.ToAddress).HasMaxLength(320);
        receipt.Property(r => r.Language).HasMaxLength(8);
        receipt.Property(r => r.DraftId).HasMaxLength(512);
        // One per message, whatever two watcher instances see at the same moment.
        receipt.HasIndex(r => r.MessageId).IsUnique();
        receipt.HasIndex(r => new { r.Mailbox, r.SenderKey, r.CreatedAt });
    }
}

internal static class AutomaticReceiptSet
{
    extension(KontaktlofteDb db)
    {
        public DbSet<AutomaticReceipt> AutomaticReceipts => db.Set<AutomaticReceipt>();
    }
}

/// <summary>
/// The automatic receipt's words, in the citizen's language (sv, fi, en: Lag 2009:724): that the mail has arrived, when
/// the answer comes (the due date by category), the mailbox's own line, and Kontaktcenter. For a mail flagged sensitive
/// only the bare confirmation: nothing that depends on what it is about.
/// </summary>
internal static class AutomaticReceiptText
{
    private static HtmlEncoder Encoder => GeneratedMail.Encoder;

    public static string Subject(string language) => language switch
    {
        "fi" => "Automaattinen vahvistus: olemme saaneet viestisi",
        "en" => "Automatic confirmation: we have received your message",
        _ => "Automatisk bekräftelse: vi har tagit emot ditt meddelande",
    };

    public static string Html(AutomaticReceipt r, string? note, OrganisationOptions org)
    {
        var centre = org.ContactCentre;
        string?[] paragraphs = (r.Language, r.Sensitive) switch
        {
            ("fi", true) => ["Hei!", $"Olemme saaneet viestisi {Date(r.ReceivedDate, "fi")}.", "Tämä on automaattinen viesti."],
            ("en", true) => ["Hello,", $"We received your message on {Date(r.ReceivedDate, "en")}.", "This is an automatic message."],
            (_, true) => ["Hej!", $"Vi har tagit emot ditt meddelande {Date(r.ReceivedDate, "sv")}.", "Det här är ett automatiskt svar."],
            ("fi", _) =>
            [
                "Hei!", $"Kiitos viestistäsi. Saimme sen {Date(r.ReceivedDate, "fi")}. Saat vastauksen viimeistään {Date(r.DueDate, "fi")}.", note,
                $"Voit myös soittaa asiakaspalveluumme (Kontaktcenter) numeroon {centre.Phone}.", "Tämä on automaattinen viesti.",
            ],
            ("en", _) =>
            [
                "Hello,", $"Thank you for your message. We received it on {Date(r.ReceivedDate, "en")}. You will have an answer by {Date(r.DueDate, "en")} at the latest.",
                note, $"You can also call our contact centre (Kontaktcenter) on {centre.Phone}.", "This is an automatic message.",
            ],
            _ =>
            [
                "Hej!", $"Tack för ditt meddelande. Vi tog emot det {Date(r.ReceivedDate, "sv")}. Du får svar senast {Date(r.DueDate, "sv")}.", note,
                $"Du kan också ringa Kontaktcenter på {centre.Phone}.", "Det här är ett automatiskt svar.",
            ],
        };
        return "<div>\n" + string.Concat(paragraphs.OfType<string>().Select(p => $"<p>{Encoder.Encode(p)}</p>\n")) + "</div>\n";
    }

    private static string Date(DateOnly date, string language) => HandoverText.Date(date, language);
}
