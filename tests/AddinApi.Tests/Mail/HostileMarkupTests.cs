using System.Text;
using Kontaktlofte.AddinApi.Mail;
using Kontaktlofte.AddinApi.Tests.Drafts;

namespace Kontaktlofte.AddinApi.Tests.Mail;

/// <summary>
/// Markup that would make the HTML standard's tree builder work for minutes is stopped early, and the work spent on
/// it is bounded; markup that is only large is read whole. Timings live in tests/AddinApi.Benchmarks; these tests
/// count work (<see cref="MarkupBudget"/>) instead.
/// </summary>
[TestClass]
public sealed class HostileMarkupTests
{
    private static string Repeat(string part, int times) => new StringBuilder(part.Length * times).Insert(0, part, times).ToString();

    /// <summary>Read with a clock that stands still: what is counted decides, not how fast the machine is.</summary>
    private static (MailText Text, MarkupBudget Budget) Read(string html)
    {
        var budget = new MarkupBudget(new FixedClock(Reviewing.Now));
        return (HtmlMailReader.Read(html, budget), budget);
    }

    [TestMethod]
    [DataRow("<div>", DisplayName = "100,000 nested div (1.1 MB; over a minute before)")]
    [DataRow("<blockquote>", DisplayName = "100,000 nested blockquote")]
    [DataRow("<b>", DisplayName = "100,000 nested b")]
    [DataRow("<ul><li>", DisplayName = "100,000 nested lists")]
    [DataRow("<table><tr><td>", DisplayName = "100,000 nested tables")]
    [DataRow("<span>", DisplayName = "100,000 nested span")]
    public void Deep_nesting_is_read_as_text_after_a_bounded_number_of_tokens(string open)
    {
        var (text, budget) = Read(Repeat(open, 100_000) + "Hej Anna! Ring mig.");

        Assert.IsTrue(text.MarkupTooComplex);
        Assert.AreEqual("Hej Anna! Ring mig.", text.Own, "the text survives, without the markup");
        Assert.IsTrue(budget.Tokens <= MarkupBudget.MaxDepth + 2, $"stopped after {budget.Tokens} tokens");
    }

    [TestMethod]
    public void Formatting_the_parser_must_reopen_again_and_again_is_stopped_within_the_budget()
    {
        // <p><b id=1>x<p><b id=2>x …: each paragraph reopens every earlier b (28 KB took six seconds).
        var html = string.Concat(Enumerable.Range(0, 2_000).Select(i => $"<p><b id={i}>x"));

        var (text, budget) = Read(html);

        Assert.IsTrue(text.MarkupTooComplex);
        Assert.IsTrue(budget.Work <= MarkupBudget.MaxWork, $"work {budget.Work}");
        Assert.IsTrue(budget.Tokens < 2_000, $"stopped after {budget.Tokens} of 6,000 tokens");
    }

    [TestMethod]
    public void Work_the_tree_does_not_show_is_stopped_by_the_clock()
    {
        // 390 distinct b, each closed by the next paragraph, then paragraphs only: each reopens all 390 b without
        // reporting them, at depth 3 (44 KB took nine seconds).
        var html = string.Concat(Enumerable.Range(0, 390).Select(i => $"<p><b id={i}>x")) + Repeat("<p>x", 10_000);
        var tick = TimeSpan.FromMilliseconds(0.1);
        var budget = new MarkupBudget(new TickingClock(tick));

        var text = HtmlMailReader.Read(html, budget);

        Assert.IsTrue(text.MarkupTooComplex);
        Assert.IsTrue(budget.Tokens > 390 * 3, "into the paragraphs");
        Assert.IsTrue(budget.Tokens <= MarkupBudget.MaxTime / (tick - MarkupBudget.TimePerToken) + 1, $"stopped after {budget.Tokens} tokens");
        Assert.IsTrue(budget.Work < MarkupBudget.MaxWork / 10, $"the count alone would have gone on: work {budget.Work}");
    }

    /// <summary>A clock that moves on by <paramref name="tick"/> each time it is read.</summary>
    private sealed class TickingClock(TimeSpan tick) : TimeProvider
    {
        private long _now;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Interlocked.Add(ref _now, tick.Ticks);
    }

    [TestMethod]
    public void Many_tokens_at_a_depth_just_allowed_run_out_of_work_not_time()
    {
        // 350 levels, then 200,000 line breaks at that depth: each token walks the parser's whole stack.
        var (text, budget) = Read(Repeat("<div>", 350) + Repeat("a<br>", 200_000));

        Assert.IsTrue(text.MarkupTooComplex);
        Assert.IsTrue(budget.Work <= MarkupBudget.MaxWork + MarkupBudget.MaxDepth + 1_000, $"work {budget.Work}");
        Assert.IsTrue(budget.Tokens < 50_000, $"stopped after {budget.Tokens} of 400,000 tokens");
    }

    [TestMethod]
    public void Tiny_paragraphs_are_read_whole_at_a_few_units_of_work_a_token()
    {
        var (text, budget) = Read(Repeat("<p>Hej.</p>", 20_000));

        Assert.IsFalse(text.MarkupTooComplex);
        Assert.AreEqual(20_000, text.Own.Split('\n').Count(line => line == "Hej."));
        Assert.IsTrue(budget.Work <= 5L * budget.Tokens, $"work {budget.Work} for {budget.Tokens} tokens");
    }

    [TestMethod]
    public void A_long_attribute_list_costs_one_unit_of_work_an_attribute()
    {
        var attributes = string.Join(' ', Enumerable.Range(0, 100_000).Select(i => $"data-a{i}=\"x\""));

        var (text, budget) = Read($"<div {attributes} style=\"color:red\">Hej Anna!</div>");

        Assert.IsFalse(text.MarkupTooComplex);
        Assert.AreEqual("Hej Anna!", text.Own);
        Assert.IsTrue(budget.Work <= 100_000 + 50, $"work {budget.Work}");
    }

    [TestMethod]
    public void A_wide_tail_under_nested_empty_blocks_is_read_whole()
    {
        // The reader looks for "Från:" at the start of each bordered div, not through all that follows
        // (DraftReviewBenchmarks: a second before, for 100 levels over 100,000 images).
        var html = Repeat("<div style=\"border-top:solid #E1E1E1 1.0pt\">", 100) + Repeat("<img src=\"cid:x\">", 30_000) + "Hej Anna!";

        var (text, _) = Read(html);

        Assert.IsFalse(text.MarkupTooComplex);
        Assert.AreEqual("Hej Anna!", text.Own);
    }

    [TestMethod]
    [DataRow("outlook-windows-reply.html")]
    [DataRow("outlook-web-reply.html")]
    [DataRow("outlook-mac-reply.html")]
    public void Mail_clients_markup_is_far_within_the_budget(string sample)
    {
        var (text, budget) = Read(Reviewing.Sample(sample));

        Assert.IsFalse(text.MarkupTooComplex);
        Assert.IsTrue(budget.Work < MarkupBudget.MaxWork / 1_000, $"work {budget.Work}");
    }

    [TestMethod]
    public void A_thread_of_a_hundred_gmail_replies_nested_in_each_other_is_read_as_a_mail()
    {
        var reply = "<div class=\"gmail_quote\"><div dir=\"ltr\" class=\"gmail_attr\">Den 1 dec. 2026 skrev Anna:<br></div>" +
                    "<blockquote class=\"gmail_quote\" style=\"margin:0px 0px 0px 0.8ex\"><div dir=\"ltr\">Hej igen!</div>";
        var html = "<div dir=\"ltr\">Tack för ditt svar.</div>" + Repeat(reply, 100) + "Första frågan." + Repeat("</blockquote></div>", 100);

        var (text, _) = Read(html);

        Assert.IsFalse(text.MarkupTooComplex);
        Assert.AreEqual("Tack för ditt svar.", text.Own);
        StringAssert.EndsWith(text.Quoted, "Första frågan.");
    }

    [TestMethod]
    public void Text_read_without_a_tree_keeps_words_and_lines_and_drops_markup_styles_and_comments()
    {
        const string html = "<html><head><title>x</title><style>p { color: red }</style></head><body><!-- <p>inte</p> -->" +
                            "<div>Hej&nbsp;Anna &amp; Per,</div><p>ett&lt;två<br>tre</p><table><tr><td>a</td><td>b</td></tr></table>" +
                            "<script>var x = '<div>';</script>1 < 2</body></html>";

        var text = PlainTextMail.Normalize(MarkupText.Strip(html));

        Assert.AreEqual("Hej Anna & Per,\n\nett<två\ntre\n\na b\n\n1 < 2", text);
    }

    [TestMethod]
    public void Text_read_without_a_tree_survives_markup_cut_off_anywhere()
    {
        const string html = "<div style=\"a\">Hej <!-- x --> <b>Anna</b><script>y</script></div>";
        for (var end = 0; end <= html.Length; end++)
            Assert.IsNotNull(MarkupText.Strip(html[..end]));
    }
}
