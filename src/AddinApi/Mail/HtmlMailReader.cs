using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Kontaktlofte.AddinApi.Mail;

/// <summary>
/// Reads the HTML that Outlook writes into a draft and splits it into own text, signature and quoted
/// history by the markup each client leaves: Outlook on Windows (Word HTML: <c>WordSection1</c>, the
/// <c>_MailAutoSig</c> bookmark, the bordered "Från:/From:" block), Outlook on the web and new Outlook
/// (<c>#Signature</c>, <c>#appendonsend</c>, <c>#divRplyFwdMsg</c>), Outlook for Mac
/// (<c>#mail-editor-reference-message-container</c>) and others (<c>blockquote</c>, <c>.gmail_quote</c>).
/// </summary>
internal static class HtmlMailReader
{
    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal)
        { "head", "script", "style", "title", "meta", "link", "template", "noscript", "xml" };

    // HTML documents give element names in lower case: ordinal look-ups are enough.
    private static readonly HashSet<string> Blocks = new(StringComparer.Ordinal)
    {
        "address", "article", "aside", "blockquote", "center", "dd", "div", "dl", "dt", "fieldset", "figcaption",
        "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol",
        "p", "pre", "section", "table", "tbody", "thead", "tfoot", "tr", "ul",
    };

    public static MailText Read(string html) => Read(html, new MarkupBudget());

    /// <summary>Reads within <paramref name="budget"/>; markup over it is read as text (<see cref="MarkupText"/>).</summary>
    public static MailText Read(string html, MarkupBudget budget)
    {
        IHtmlDocument document;
        try
        {
            document = new HtmlParser(budget.ParserOptions).ParseDocument(html);
        }
        catch (MarkupBudget.ExceededException)
        {
            return new MailText(PlainTextMail.Normalize(MarkupText.Strip(html)), "", "", [], []) { MarkupTooComplex = true };
        }
        var walk = new Walk();
        walk.Visit((INode?)document.Body ?? document.DocumentElement);
        return walk.Result();
    }

    /// <summary>
    /// Where the quoted history starts. Checked on each element as the walk meets it, so that finding the
    /// markers costs no second pass over a large mail.
    /// </summary>
    private static bool IsQuoteStart(IElement element)
    {
        var id = element.Id;
        if (id is { Length: > 0 } &&
            (id == "appendonsend" || id.EndsWith("divRplyFwdMsg", StringComparison.Ordinal) ||
             id == "mail-editor-reference-message-container" || id == "OLK_SRC_BODY_SECTION"))
            return true;
        var name = element.LocalName;
        if (name == "blockquote" || HasClass(element, "gmail_quote")) return true;
        // Outlook on Windows and Mac mark history only by a bordered div that begins "Från:"/"From:".
        return name == "div" && element.GetAttribute("style") is { } style &&
               style.Contains("border-top", StringComparison.OrdinalIgnoreCase) &&
               LeadingText(element, 12) is var text &&
               (text.StartsWith("Från:", StringComparison.OrdinalIgnoreCase) ||
                text.StartsWith("From:", StringComparison.OrdinalIgnoreCase) ||
                text.StartsWith("Lähettäjä:", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Where the signature starts: new Outlook's #Signature, Word's _MailAutoSig bookmark, and others'.</summary>
    private static bool IsSignatureStart(IElement element)
    {
        var id = element.Id;
        if (id is { Length: > 0 } &&
            (id.Equals("Signature", StringComparison.OrdinalIgnoreCase) || id.StartsWith("Signature_", StringComparison.Ordinal) ||
             id == "ms-outlook-mobile-signature"))
            return true;
        if (element.LocalName == "a" && element.GetAttribute("name") == "_MailAutoSig") return true;
        return HasClass(element, "moz-signature") || HasClass(element, "gmail_signature");
    }

    private static bool HasClass(IElement element, string name) =>
        element.ClassName is { } classes && classes.Contains(name, StringComparison.Ordinal) &&
        classes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(name);

    /// <summary>
    /// How many nodes at the start of an element are read for its leading text. A header block has its "Från:"
    /// within the first few; reading on through an empty one would cost nesting × mail (100 nested bordered
    /// divs over 100,000 images took a second).
    /// </summary>
    private const int LeadingNodes = 64;

    /// <summary>The first characters of an element's text, from its first nodes only.</summary>
    private static string LeadingText(IElement element, int length)
    {
        var text = new StringBuilder();
        foreach (var node in FirstNodes(element))
        {
            if (node is not IText part) continue;
            text.Append(part.Data.Replace('\u00A0', ' ').TrimStart());
            if (text.Length >= length) break;
        }
        return text.ToString();
    }

    /// <summary>Whether the first nodes of an element hold a no-break space (Word's empty paragraph).</summary>
    private static bool StartsWithNoBreakSpace(IElement element) =>
        FirstNodes(element).Any(node => node is IText part && part.Data.Contains('\u00A0'));

    /// <summary>
    /// The first <see cref="LeadingNodes"/> nodes below an element in document order. By index, one child at a
    /// time: AngleSharp's <c>GetDescendants</c> lists all children of a node at once, and sibling links search the list.
    /// </summary>
    private static IEnumerable<INode> FirstNodes(IElement element)
    {
        var pending = new Stack<(INodeList Children, int Next)>();
        pending.Push((element.ChildNodes, 0));
        for (var seen = 0; seen < LeadingNodes && pending.Count > 0;)
        {
            var (children, next) = pending.Pop();
            if (next >= children.Length) continue;
            pending.Push((children, next + 1));
            var node = children[next];
            seen++;
            yield return node;
            if (node.HasChildNodes) pending.Push((node.ChildNodes, 0));
        }
    }

    private sealed class Walk
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
                // By index: AngleSharp's PreviousSibling searches the parent's list, quadratic on long mails.
                var children = node.ChildNodes;
                for (var i = children.Length - 1; i >= 0; i--) stack.Push((children[i], -1));
            }
        }

        /// <summary>Handles an element's own meaning; false when its children are not to be read.</summary>
        private bool Enter(IElement element)
        {
            if (Skipped.Contains(element.LocalName) || IsHidden(element)) return false;
            if (!_inQuote && IsQuoteStart(element)) _inQuote = true;
            if (!_inQuote && !_inSignature && IsSignatureStart(element)) _inSignature = true;

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
            if (Current.Length == lengthBefore && StartsWithNoBreakSpace(element)) Current.Append('\n');
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
            var none = style.Contains("none", StringComparison.OrdinalIgnoreCase);
            var hide = style.Contains("mso-hide", StringComparison.OrdinalIgnoreCase);
            if (!none && !hide) return false;
            var compact = style.Replace(" ", "", StringComparison.Ordinal);
            return compact.Contains("display:none", StringComparison.OrdinalIgnoreCase)
                || compact.Contains("mso-hide:all", StringComparison.OrdinalIgnoreCase);
        }

        public MailText Result() => new(
            PlainTextMail.Normalize(_own.ToString()),
            PlainTextMail.Normalize(_signature.ToString()),
            PlainTextMail.Normalize(_quoted.ToString()),
            _images,
            _links);
    }
}
