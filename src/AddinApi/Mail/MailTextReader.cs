namespace Kontaktlofte.AddinApi.Mail;

/// <summary>Turns a draft's body, HTML or plain text, into its own text, signature and quoted history.</summary>
internal static class MailTextReader
{
    /// <param name="html">The body as HTML, read when given.</param>
    /// <param name="text">The body as plain text.</param>
    /// <param name="clock">Times the parse (<see cref="MarkupBudget.MaxTime"/>); the system clock when not given.</param>
    public static MailText Read(string? html, string? text, TimeProvider? clock = null)
    {
        var fromMarkup = !string.IsNullOrWhiteSpace(html)
            ? HtmlMailReader.Read(html, new MarkupBudget(clock))
            : new MailText(PlainTextMail.Normalize(text ?? ""), "", "", [], []);

        // History that only the text reveals ("-----Original Message-----", "Den … skrev:", "> "),
        // in the official's part and in a signature that the markup ended too late.
        var (own, quotedInOwn) = PlainTextMail.SplitQuoted(fromMarkup.Own);
        var (signature, quotedInSignature) = PlainTextMail.SplitQuoted(fromMarkup.Signature);
        if (signature.Length == 0)
            (own, signature) = PlainTextMail.SplitSignature(own);

        var quoted = string.Join("\n\n", new[] { quotedInOwn, quotedInSignature, fromMarkup.Quoted }.Where(q => q.Length > 0));
        return fromMarkup with { Own = own, Signature = signature, Quoted = quoted };
    }
}
