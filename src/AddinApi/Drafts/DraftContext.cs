using Kontaktlofte.AddinApi.Mail;
using Kontaktlofte.AddinApi.Text;
using Kontaktlofte.AddinApi.Organisation;

namespace Kontaktlofte.AddinApi.Drafts;

/// <summary>A draft read once, for every rule: its parts as plain text, its words, sentences and recipients.</summary>
internal sealed class DraftContext
{
    /// <exception cref="DraftTooComplexException">The HTML is too complex to tell the draft's parts apart.</exception>
    public DraftContext(DraftReviewRequest request, OrganisationOptions organisation, DateOnly today, TimeProvider? clock = null)
    {
        Request = request;
        Today = today;
        Subject = (request.Subject ?? "").ReplaceLineEndings(" ").Trim();
        Text = MailTextReader.Read(request.BodyHtml, request.BodyText, clock);
        if (Text.MarkupTooComplex) throw new DraftTooComplexException();
        OwnWords = Words.Tokenize(Text.Own);
        OwnSentences = Sentences.Split(Text.Own, OwnWords);

        var recipients = new List<Recipient>();
        var offset = 0;
        foreach (var (field, list) in new[] { ("to", request.To), ("cc", request.Cc), ("bcc", request.Bcc) })
        foreach (var address in list ?? [])
        {
            var text = (address.Address ?? "").Trim();
            if (text.Length == 0) continue;
            if (offset > 0) offset += RecipientSeparator.Length;
            recipients.Add(new Recipient(field, text, organisation.IsInternalAddress(text), new TextSpan(offset, text.Length)));
            offset += text.Length;
        }
        Recipients = recipients;
        RecipientsText = string.Join(RecipientSeparator, recipients.Select(r => r.Address));

        Attachments = (request.Attachments ?? []).Where(a => !a.IsInline).Select(a => a.Name ?? "").ToList();
    }

    public const string RecipientSeparator = "; ";

    public DraftReviewRequest Request { get; }
    public DateOnly Today { get; }
    public string Subject { get; }
    public MailText Text { get; }
    public IReadOnlyList<TextSpan> OwnWords { get; }
    public IReadOnlyList<Sentence> OwnSentences { get; }
    public IReadOnlyList<Recipient> Recipients { get; }
    /// <summary>The addresses joined by "; ": the text that <c>recipients</c> findings index into.</summary>
    public string RecipientsText { get; }
    /// <summary>Names of the attachments a reader sees (inline images left out).</summary>
    public IReadOnlyList<string> Attachments { get; }

    /// <summary>
    /// True unless there is at least one recipient and all are internal: a draft still without
    /// recipients is treated as going outside, since that is where a citizen's reply goes.
    /// </summary>
    public bool MayLeaveTheOrganisation => Recipients.Count == 0 || Recipients.Any(r => !r.IsInternal);

    /// <summary>The text of a part, as findings index into it.</summary>
    public string TextOf(DraftPart part) => part switch
    {
        DraftPart.Subject => Subject,
        DraftPart.Body => Text.Own,
        DraftPart.Signature => Text.Signature,
        DraftPart.Quoted => Text.Quoted,
        DraftPart.Recipients => RecipientsText,
        _ => string.Join(RecipientSeparator, Attachments),
    };

    public Finding Found(string rule, Severity severity, DraftPart part, TextSpan span, string message, string? suggestion) =>
        new(rule, severity, part, span.Start, span.Length, Words.Excerpt(TextOf(part), span), message, suggestion);
}

/// <summary>A recipient of the draft: which field, which address, and whether it is inside the municipality.</summary>
internal sealed record Recipient(string Field, string Address, bool IsInternal, TextSpan Span);
