using System.Text;
using System.Text.RegularExpressions;

namespace Kontaktlofte.AddinApi.Mail;

/// <summary>
/// What can be told from the text alone: where the quoted history starts (Outlook's "-----Ursprungligt
/// meddelande-----" and "Från:/Skickat:" header, "Den … skrev:", "&gt;" quoting, in Swedish, English and
/// Finnish) and where a signature starts when no markup says so (a "--" line or a closing greeting).
/// </summary>
internal static partial class PlainTextMail
{
    /// <summary>Lines of a longer closing block than this are not a signature but more text.</summary>
    private const int MaxSignatureLines = 16;

    /// <summary>
    /// Unifies line ends and spaces, trims each line and keeps at most one empty line between paragraphs,
    /// so that offsets are stable. One pass: a long quoted thread is normalised at the speed of a copy.
    /// </summary>
    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingBreaks = 0; // line breaks seen since the last text
        var pendingSpace = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n') continue;
                c = '\n';
            }
            if (c is '\n' or '\u2028' or '\u2029') { pendingBreaks++; pendingSpace = false; continue; }
            if (c is ' ' or '\t' or '\u00A0') { pendingSpace = true; continue; }
            if (builder.Length > 0)
            {
                if (pendingBreaks > 0) builder.Append(pendingBreaks > 1 ? "\n\n" : "\n");
                else if (pendingSpace) builder.Append(' ');
            }
            pendingBreaks = 0;
            pendingSpace = false;
            builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>Moves the quoted history out of <paramref name="text"/>: what follows a history header, and "&gt;" lines.</summary>
    public static (string Kept, string Quoted) SplitQuoted(string text)
    {
        var lines = text.Split('\n');
        var history = Enumerable.Range(0, lines.Length).FirstOrDefault(i => IsHistoryStart(lines, i), -1);
        var kept = new List<string>();
        var quoted = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (history >= 0 && i >= history) quoted.Add(lines[i]);
            else if (lines[i].StartsWith('>')) quoted.Add(lines[i].TrimStart('>', ' '));
            else kept.Add(lines[i]);
        }
        return (Normalize(string.Join('\n', kept)), Normalize(string.Join('\n', quoted)));
    }

    /// <summary>Splits a closing signature off the end of the official's text, when it has a "--" line or a closing greeting.</summary>
    public static (string Own, string Signature) SplitSignature(string text)
    {
        var lines = text.Split('\n');
        for (var i = lines.Length - 1; i >= 0 && lines.Length - i <= MaxSignatureLines; i--)
        {
            if (!SignatureStart().IsMatch(lines[i])) continue;
            return (Normalize(string.Join('\n', lines[..i])), Normalize(string.Join('\n', lines[i..])));
        }
        return (text, "");
    }

    private static bool IsHistoryStart(string[] lines, int i)
    {
        var line = lines[i];
        if (OriginalMessage().IsMatch(line)) return true;
        if (Underline().IsMatch(line))
            return lines.Skip(i + 1).FirstOrDefault(l => l.Length > 0) is { } next && HeaderFrom().IsMatch(next);
        if (HeaderFrom().IsMatch(line))
            return lines.Skip(i + 1).Take(4).Any(l => HeaderSent().IsMatch(l));
        if (line.Length < 300 && AttributionStart().IsMatch(line))
        {
            var joined = i + 1 < lines.Length ? line + " " + lines[i + 1] : line;
            return Attribution().IsMatch(line) || (!line.EndsWith(':') && Attribution().IsMatch(joined));
        }
        return false;
    }

    [GeneratedRegex(@"^-{2,}\s*(Ursprungligt meddelande|Originalmeddelande|Original Message|Vidarebefordrat meddelande|Forwarded message|Alkuperäinen viesti|Välitetty viesti)\s*-{2,}$", RegexOptions.IgnoreCase)]
    private static partial Regex OriginalMessage();

    [GeneratedRegex(@"^_{8,}$")]
    private static partial Regex Underline();

    [GeneratedRegex(@"^\*?(Från|From|Lähettäjä)\s*:\*?\s*\S", RegexOptions.IgnoreCase)]
    private static partial Regex HeaderFrom();

    [GeneratedRegex(@"^\*?(Skickat|Sent|Datum|Date|Lähetetty|Till|To|Ämne|Subject)\s*:", RegexOptions.IgnoreCase)]
    private static partial Regex HeaderSent();

    [GeneratedRegex(@"^(Den|On|Le|Am|\d)", RegexOptions.IgnoreCase)]
    private static partial Regex AttributionStart();

    [GeneratedRegex(@"\b(skrev|wrote|kirjoitti)\b[^\n]{0,200}:$", RegexOptions.IgnoreCase)]
    private static partial Regex Attribution();

    [GeneratedRegex(@"^(--|(med\s+)?(vänlig(a|en)?|bästa|varma|vänliga)\s+hälsning(ar)?|hälsningar|hälsning|mvh|(best|kind|warm)\s+regards|regards|(ystävällisin\s+)?terveisin|ystävällisesti)[\s,.!]*$", RegexOptions.IgnoreCase)]
    private static partial Regex SignatureStart();
}
