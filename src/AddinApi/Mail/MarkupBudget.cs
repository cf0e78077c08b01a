using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using AngleSharp.Html.Parser.Tokens;
using AngleSharp.Text;

namespace Kontaktlofte.AddinApi.Mail;

/// <summary>
/// Stops AngleSharp's parse of markup that would take longer than any mail may. The HTML standard's tree builder
/// looks up scopes by walking its stack of open elements (and its list of formatting elements) for most tags, so
/// a parse costs about tokens × nesting: 40,000 nested <c>div</c> took seconds, 100,000 over a minute, and 2,000
/// <c>&lt;p&gt;&lt;b id=…&gt;x</c> that make the parser reopen every earlier <c>b</c> six seconds. AngleSharp limits
/// the depth of the tree (512), not of that stack, and shows neither; the tree follows the stack, so the budget
/// follows the tree as it is built (<see cref="HtmlParserOptions.OnCreated"/>) and charges each token the depth
/// it is read at (<see cref="HtmlParserOptions.OnToken"/>). Some work does not show in the tree: formatting
/// elements the parser reopens after every paragraph are inserted without being reported (2,000 paragraphs after 390
/// distinct <c>b</c> took nine seconds at depth 3), so a clock stands behind the count.
/// </summary>
internal sealed class MarkupBudget(TimeProvider? clock = null)
{
    /// <summary>Deeper than mail clients nest a thread (Gmail about four levels a reply), and below AngleSharp's own limit.</summary>
    public const int MaxDepth = 400;

    /// <summary>Tokens × depth: some tenths of a second of parsing. A 1 MB Outlook thread needs 0.7 million of it.</summary>
    public const long MaxWork = 15_000_000;

    /// <summary>
    /// Parsing time allowed whatever the count says: this much, and <see cref="TimePerToken"/> more for each token
    /// read. Dense markup takes about 1 µs a token on a loaded server, so real mail never runs out; a 1 MB Outlook
    /// thread parsed cold (the first after a start, still being compiled) took 450 ms. Markup that keeps the parser
    /// busy unseen takes far more a token and is stopped in under a second, or about two for 2 MB of it.
    /// </summary>
    public static readonly TimeSpan MaxTime = TimeSpan.FromMilliseconds(750);

    /// <inheritdoc cref="MaxTime"/>
    public static readonly TimeSpan TimePerToken = TimeSpan.FromMicroseconds(2);

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly long _started = (clock ?? TimeProvider.System).GetTimestamp();

    private static readonly HashSet<string> Formatting = new(StringComparer.Ordinal)
        { "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u" };

    // The path from the root to the last element measured, to measure the next one by its nearest ancestor on it.
    private readonly List<INode> _path = [];
    private readonly Dictionary<INode, int> _depthOnPath = new(ReferenceEqualityComparer.Instance);
    private readonly List<INode> _climbed = [];
    private IElement? _created;

    /// <summary>Tokens read, including the one that ran out of budget.</summary>
    public int Tokens { get; private set; }

    /// <summary>Work spent: for each token the depth it was read at, its attributes, and the steps taken to measure.</summary>
    public long Work { get; private set; }

    /// <summary>The depth of the element created last (the root element at 1).</summary>
    public int Depth { get; private set; }

    /// <summary>Parser options that report to this budget and throw <see cref="ExceededException"/> when it runs out.</summary>
    public HtmlParserOptions ParserOptions => new()
    {
        OnCreated = Created,
        OnToken = Read,
        DisableElementPositionTracking = true, // the reader never asks where an element was
    };

    private void Created(IElement element, TextPosition position)
    {
        Measure();
        _created = element;
    }

    private void Read(HtmlToken token, TextRange range)
    {
        Tokens++;
        Measure();
        Work += 1 + Depth + (token is HtmlTagToken tag ? tag.Attributes.Count : 0);
        // The adoption agency (end tags of formatting elements, a, nobr) moves elements: measure again from the root.
        if (Formatting.Contains(token.Name) && (token.Type == HtmlTokenType.EndTag || token.Name is "a" or "nobr")) ForgetPath();
        if (Work > MaxWork || _clock.GetElapsedTime(_started) > MaxTime + TimePerToken * Tokens) throw new ExceededException();
    }

    /// <summary>The depth of the element created last, now that the parser has put it in the tree.</summary>
    private void Measure()
    {
        if (_created is not { Parent: { } parent }) return;
        _created = null;
        INode? node = parent;
        var known = 0;
        _climbed.Clear();
        while (node is not null && !_depthOnPath.TryGetValue(node, out known))
        {
            _climbed.Add(node);
            if (_climbed.Count > MaxDepth) throw new ExceededException();
            node = node.Parent;
        }
        Work += _climbed.Count;
        for (var i = _path.Count - 1; i >= known; i--)
        {
            _depthOnPath.Remove(_path[i]);
            _path.RemoveAt(i);
        }
        for (var i = _climbed.Count - 1; i >= 0; i--)
        {
            _path.Add(_climbed[i]);
            _depthOnPath[_climbed[i]] = _path.Count;
        }
        // The document is the first node on the path; the root element is at depth 1.
        Depth = _path.Count;
        if (Depth > MaxDepth) throw new ExceededException();
    }

    private void ForgetPath()
    {
        _path.Clear();
        _depthOnPath.Clear();
    }

    /// <summary>The markup costs more than a mail may; the parse is abandoned.</summary>
    public sealed class ExceededException : Exception
    {
        public ExceededException() : base("The markup is nested too deeply or too long to parse within budget.") { }
        public ExceededException(string message) : base(message) { }
        public ExceededException(string message, Exception inner) : base(message, inner) { }
    }
}
