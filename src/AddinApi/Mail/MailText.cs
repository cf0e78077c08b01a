namespace Kontaktlofte.AddinApi.Mail;

/// <summary>
/// A draft split the way a reader sees it: the official's own new text, the signature block, and the
/// quoted history of earlier messages. Each part is plain text; findings index into these strings.
/// </summary>
internal sealed record MailText(
    string Own,
    string Signature,
    string Quoted,
    IReadOnlyList<SignatureImage> SignatureImages,
    IReadOnlyList<string> SignatureLinks)
{
    public bool HasSignature => Signature.Length > 0;

    /// <summary>
    /// True when the markup was too complex to parse within <see cref="MarkupBudget"/>: <see cref="Own"/> then holds
    /// all of the body's text with the tags stripped, and only what the text itself reveals is split off.
    /// </summary>
    public bool MarkupTooComplex { get; init; }
}

/// <summary>An image in the signature block, as its <c>img</c> element describes it.</summary>
internal sealed record SignatureImage(string Src, string Alt);
