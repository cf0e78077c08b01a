using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Kontaktlofte.AddinApi.Drafts.MailText;

/// <summary>
/// Reads the HTML that Outlook writes into a draft and splits it into own text, signature and quoted
/// history by the markup each client leaves: Outlook on Windows (Word HTML: <c>WordSection1</c>, the
/// <c>_MailAutoSig</c> bookmark, the bordered "Från:/From:" block), Outlook on the web and new Outlook
/// (<c>#Signature</c>, <c>#appendonsend</c>, <c>#divRplyFwdMsg</c>), Outlook for Mac
/// (<c>#mail-editor-reference-message-container</c>) and others (<c>blockquote</c>, <c>.gmail_quote</c>).
/// </summary>
internal static class HtmlMailReader
{
    private const string QuoteSelectors =
        "#appendonsend, [id$='divRplyFwdMsg'], #mail-editor-reference-message-container, #OLK_SRC_BODY_SECTION, " +
        "blockquote, .gmail_quote, div[style*='border-top']";

    private const string SignatureSelectors =
        "#Signature, #signature, [id^='Signature_'], a[name='_MailAutoSig'], #ms-outlook-mobile-signature, " +
        ".moz-signature, .gmail_signature";

    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase)
        { "head", "script", "style", "title", "meta", "link", "template", "noscript", "xml" };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "address", "article", "aside", "blockquote", "center", "dd", "div", "dl", "dt", "fieldset", "figcaption",
        "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol",
        "p", "pre", "section", "table", "tbody", "thead", "tfoot", "tr", "ul",
    };

    public static DraftText Read(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var root = (INode?)document.Body ?? document.DocumentElement;
        var walk = new Walk(
            document.QuerySelectorAll(QuoteSelectors).Where(IsQuoteStart).FirstOrDefault(),
            document.QuerySelector(SignatureSelectors));
        walk.Visit(root);
        return walk.Result();
    }

    /// <summary>Outlook on Windows marks history only by a bordered div that begins "Från:"/"From:".</summary>
    private static bool IsQuoteStart(IElement element) =>
        !element.LocalName.Equals("div", StringComparison.OrdinalIgnoreCase)
        || !element.HasAttribute("style") || element.Id is { Length: > 0 }
        || LeadingText(element, 12) is var text &&
           (text.StartsWith("Från:", StringComparison.OrdinalIgnoreCase) ||
            text.StartsWith("From:", StringComparison.OrdinalIgnoreCase) ||
            text.StartsWith("Lähettäjä:", StringComparison.OrdinalIgnoreCase));

    /// <summary>The first characters of an element's text, without building all of it.</summary>
    private static string LeadingText(IElement element, int length)
    {
        var text = new StringBuilder();
        foreach (var node in element.GetDescendants().OfType<IText>())
        {
            text.Append(node.Data.Replace('\u00A0', ' ').TrimStart());
            if (text.Length >= length) break;
        }
        return text.ToString();
    }

    private sealed class Walk(IElement? quoteStart, IElement? signatureStart)
    {
        private readonly StringBuilder _own = new();
        private readonly StringBuilder _signature = new();
        private readonly StringBuilder _quoted = new();
        private readonly List<SignatureImage> _images = [];
        private readonly List<string> _links = [];
        private bool _inQuote;
        private bool _inSignature;

        private StringBuilder Current => _inQuote ? _quoted : _inSignature ? _signature : _own;

        /// <summary>Walks the tree without recursion: mail HTML can nest deeper than the stack allows.</summary>
        public void Visit(INode root)
        {
            var stack = new Stack<(INode Node, int Exit)>();
            stack.Push((root, -1));
            while (stack.Count > 0)
            {
                var (node, exit) = stack.Pop();
                if (exit >= 0) { LeaveBlock((IElement)node, exit); continue; }
                if (node is IText text) { AppendText(text.Data); continue; }
                if (node is IElement element && !Enter(element)) continue;
                if (node is IElement { LocalName: var name } && Blocks.Contains(name))
                    stack.Push((node, Current.Length));
                for (var child = node.LastChild; child is not null; child = child.PreviousSibling)
                    stack.Push((child, -1));
            }
        }

        /// <summary>Handles an element's own meaning; false when its children are not to be read.</summary>
        private bool Enter(IElement element)
        {
            if (Skipped.Contains(element.LocalName) || IsHidden(element)) return false;
            if (ReferenceEquals(element, quoteStart)) _inQuote = true;
            if (ReferenceEquals(element, signatureStart) && !_inQuote) _inSignature = true;

            var name = element.LocalName;
            if (name.Equals("br", StringComparison.OrdinalIgnoreCase)) { Current.Append('\n'); return false; }
            if (name.Equals("img", StringComparison.OrdinalIgnoreCase))
            {
                if (_inSignature && !_inQuote)
                    _images.Add(new SignatureImage(element.GetAttribute("src") ?? "", element.GetAttribute("alt") ?? ""));
                return false;
            }
            if (name.Equals("a", StringComparison.OrdinalIgnoreCase) && _inSignature && !_inQuote &&
                element.GetAttribute("href") is { Length: > 0 } href)
                _links.Add(href);
            if (name is "td" or "th") Current.Append(' ');
            if (Blocks.Contains(name)) LineBreak();
            return true;
        }

        private void LeaveBlock(IElement element, int lengthBefore)
        {
            // Word HTML writes an empty line as <p>&nbsp;</p>: keep it, paragraphs are sentence borders.
            if (Current.Length == lengthBefore && element.TextContent.Contains('\u00A0')) Current.Append('\n');
            LineBreak();
        }

        private void LineBreak()
        {
            var current = Current;
            if (current.Length > 0 && current[^1] != '\n') current.Append('\n');
        }

        private void AppendText(string data)
        {
            var current = Current;
            foreach (var c in data)
            {
                if (c == '\u00A0') { current.Append(' '); continue; }
                if (char.IsWhiteSpace(c))
                {
                    if (current.Length > 0 && current[^1] is not (' ' or '\n')) current.Append(' ');
                    continue;
                }
                current.Append(c);
            }
        }

        private static bool IsHidden(IElement element)
        {
            var style = element.GetAttribute("style");
            if (style is null) return false;
            var compact = style.Replace(" ", "", StringComparison.Ordinal);
            return compact.Contains("display:none", StringComparison.OrdinalIgnoreCase)
                || compact.Contains("mso-hide:all", StringComparison.OrdinalIgnoreCase);
        }

        public DraftText Result() => new(
            PlainTextMail.Normalize(_own.ToString()),
            PlainTextMail.Normalize(_signature.ToString()),
            PlainTextMail.Normalize(_quoted.ToString()),
            _images,
            _links);
    }
}
