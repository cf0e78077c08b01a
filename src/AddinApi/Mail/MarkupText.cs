using System.Net;
using System.Text;

namespace Kontaktlofte.AddinApi.Mail;

/// <summary>
/// The text of markup read without building a tree, in one pass: tags, comments, scripts and styles dropped,
/// a line break for each block, character references decoded. What is left of a mail whose markup is too
/// complex to parse (<see cref="MarkupBudget"/>): enough to classify it, not to tell its parts apart.
/// </summary>
internal static class MarkupText
{
    private static readonly string[] Unread = ["script", "style", "head", "title", "template", "xml"];

    private static readonly HashSet<string> Breaks = new(StringComparer.OrdinalIgnoreCase)
    {
        "br", "p", "div", "li", "tr", "table", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "hr", "ul", "ol",
    };

    public static string Strip(string html)
    {
        var text = new StringBuilder(html.Length);
        var i = 0;
        while (i < html.Length)
        {
            var open = html.IndexOf('<', i);
            if (open < 0) open = html.Length;
            text.Append(html, i, open - i);
            i = open < html.Length ? SkipMarkup(html, open, text) : open;
        }
        return WebUtility.HtmlDecode(text.ToString());
    }

    /// <summary>Skips the markup at <paramref name="start"/> and returns where the text goes on.</summary>
    private static int SkipMarkup(string html, int start, StringBuilder text)
    {
        if (html.AsSpan(start).StartsWith("<!--", StringComparison.Ordinal))
            return After(html, "-->", start + 4);
        var nameStart = start + (start + 1 < html.Length && html[start + 1] == '/' ? 2 : 1);
        var nameEnd = nameStart;
        while (nameEnd < html.Length && char.IsAsciiLetterOrDigit(html[nameEnd])) nameEnd++;
        if (nameEnd == nameStart && (start + 1 == html.Length || html[start + 1] is not ('!' or '?' or '/')))
        {
            text.Append('<'); // a lone "<" is text
            return start + 1;
        }
        var name = html[nameStart..nameEnd];
        var end = After(html, ">", nameEnd);
        if (Breaks.Contains(name)) text.Append('\n');
        else if (name.Equals("td", StringComparison.OrdinalIgnoreCase) || name.Equals("th", StringComparison.OrdinalIgnoreCase)) text.Append(' ');
        if (nameStart == start + 1 && Array.Exists(Unread, u => u.Equals(name, StringComparison.OrdinalIgnoreCase)))
            return After(html, ">", html.IndexOf("</" + name, end, StringComparison.OrdinalIgnoreCase) is var close and >= 0 ? close : html.Length);
        return end;
    }

    private static int After(string html, string marker, int from)
    {
        var at = from < html.Length ? html.IndexOf(marker, from, StringComparison.Ordinal) : -1;
        return at < 0 ? html.Length : at + marker.Length;
    }
}
