using System.Globalization;
using System.Text;
using Kontaktlofte.AddinApi.Confidentiality;
using Kontaktlofte.AddinApi.Mail;

namespace Kontaktlofte.AddinApi.Mailbox;

/// <summary>
/// The original message quoted below a reply, as Outlook writes it (a line, who wrote it, when, the subject, then the
/// text), so that the citizen sees what they wrote. Graph's <c>createReply</c> with a body of ours replaces the quote it
/// would have made, so the adapters add it themselves. Only the text is quoted: no remote images, scripts or styles of
/// the original travel back out from the official's mailbox, and a personal identity number in it is masked: the
/// product's own review warns when quoted history sends one again (<c>confidential.personal-id</c>). A message flagged
/// sensitive is not quoted at all (its receipt says nothing of the content); that choice is the caller's.
/// </summary>
internal static class ReplyQuote
{
    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    public static string Html(MailboxMessage original, DateOnly today)
    {
        var read = MailTextReader.Read(original.BodyHtml, original.BodyText);
        var text = Masked(string.Join("\n\n", new[] { read.Own, read.Signature, read.Quoted }.Where(part => part.Length > 0)), today);
        var sent = TimeZoneInfo.ConvertTime(original.ReceivedAt, Stockholm).ToString("dddd d MMMM yyyy HH:mm", Swedish);
        var from = original.From.Name is { Length: > 0 } name ? $"{name} <{original.From.Address}>" : original.From.Address ?? "";
        var paragraphs = text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(p => $"<p>{string.Join("<br>", p.Split('\n').Select(Escape))}</p>");
        return $"""
            <hr style="display:inline-block;width:98%" tabindex="-1">
            <div id="divRplyFwdMsg" dir="ltr"><b>Från:</b> {Escape(from)}<br><b>Skickat:</b> {Escape(sent)}<br><b>Ämne:</b> {Escape(Masked(original.Subject, today))}</div>
            <div>{string.Concat(paragraphs)}</div>
            """;
    }

    /// <summary>Markup characters only: Swedish letters stay letters (an encoder for any text would write &amp;#246; for ö).</summary>
    private static string Escape(string? text) =>
        (text ?? "").Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);

    private static string Masked(string text, DateOnly today)
    {
        var masked = new StringBuilder(text);
        foreach (var id in PersonalIdentityNumber.Find(text, today))
            masked.Remove(id.Start, id.Length).Insert(id.Start, PersonalIdentityNumber.Mask(text.Substring(id.Start, id.Length)));
        return masked.ToString();
    }
}
