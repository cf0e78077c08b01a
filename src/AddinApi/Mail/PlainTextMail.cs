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
        // Lines as ranges, not strings: 1.9 MB of short lines would otherwise be a million strings.
        var lines = Lines(text);
        var history = -1;
        for (var i = 0; i < lines.Count && history < 0; i++)
            if (IsHistoryStart(text, lines, i)) history = i;
        var kept = new StringBuilder(text.Length);
        var quoted = new StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = text.AsSpan(lines[i]);
            if (history >= 0 && i >= history) quoted.Append(line).Append('\n');
            else if (line.StartsWith('>')) quoted.Append(line.TrimStart("> ")).Append('\n');
            else kept.Append(line).Append('\n');
        }
        return (Normalize(kept.ToString()), Normalize(quoted.ToString()));
    }

    /// <summary>Splits a closing signature off the end of the official's text, when it has a "--" line or a closing greeting.</summary>
    public static (string Own, string Signature) SplitSignature(string text)
    {
        // Only the last lines can start a signature: find them from the end rather than splitting the whole text.
        var from = text.LastIndexOf('\n') + 1;
        for (var n = 1; n < MaxSignatureLines && from > 0; n++)
            from = from >= 2 ? text.LastIndexOf('\n', from - 2) + 1 : 0;
        var tail = Lines(text, from);
        for (var i = tail.Count - 1; i >= 0; i--)
        {
            if (!SignatureStart().IsMatch(text.AsSpan(tail[i]))) continue;
            var at = tail[i].Start.Value;
            return (Normalize(text[..at]), Normalize(text[at..]));
        }
        return (text, "");
    }

    private static List<Range> Lines(string text, int from = 0)
    {
        var lines = new List<Range>();
        while (true)
        {
            var end = text.IndexOf('\n', from);
            if (end < 0) break;
            lines.Add(from..end);
            from = end + 1;
        }
        lines.Add(from..text.Length);
        return lines;
    }

    private static bool IsHistoryStart(string text, List<Range> lines, int i)
    {
        var line = text.AsSpan(lines[i]);
        if (OriginalMessage().IsMatch(line)) return true;
        if (Underline().IsMatch(line))
        {
            var next = i + 1;
            while (next < lines.Count && text.AsSpan(lines[next]).IsEmpty) next++;
            return next < lines.Count && HeaderFrom().IsMatch(text.AsSpan(lines[next]));
        }
        if (HeaderFrom().IsMatch(line))
        {
            for (var next = i + 1; next < lines.Count && next <= i + 4; next++)
                if (HeaderSent().IsMatch(text.AsSpan(lines[next]))) return true;
            return false;
        }
        if (line.Length < 300 && AttributionStart().IsMatch(line))
        {
            if (Attribution().IsMatch(line)) return true;
            return !line.EndsWith(':') && i + 1 < lines.Count &&
                   Attribution().IsMatch(string.Concat(line, " ", text.AsSpan(lines[i + 1])));
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
