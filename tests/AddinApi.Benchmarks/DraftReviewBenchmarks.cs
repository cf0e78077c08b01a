using System.Text;
using AngleSharp.Html.Parser;
using BenchmarkDotNet.Attributes;
using Kontaktlofte.AddinApi.Drafts;
using Kontaktlofte.AddinApi.Mail;
using Kontaktlofte.AddinApi.Organisation;
using Microsoft.Extensions.DependencyInjection;

namespace Kontaktlofte.AddinApi.Benchmarks;

/// <summary>
/// The review of a typical reply (Outlook on the web, about 3 KB) and of a 1 MB Outlook-on-Windows mail
/// with a long quoted thread, each beside AngleSharp parsing the same HTML alone.
/// Goal: a typical reply under 2 ms; the whole review of 1 MB at most 3× the bare parse.
/// </summary>
[MemoryDiagnoser]
public class DraftReviewBenchmarks
{
    private DraftReviewer _reviewer = null!;
    private DraftReviewRequest _typical = null!;
    private DraftReviewRequest _large = null!;

    [GlobalSetup]
    public void Setup()
    {
        _reviewer = CreateReviewer();
        MailAddress[] to = [new("Anna Berg", "anna.berg@example.se")];
        _typical = new DraftReviewRequest("Svar på din fråga om bygglov", Sample("outlook-web-reply.html"), null, to, null, null, null, true);
        _large = new DraftReviewRequest("Svar på din fråga om bygglov", LargeThread(1024 * 1024), null, to, null, null, null, true);
    }

    internal static DraftReviewer CreateReviewer()
    {
        var services = new ServiceCollection();
        services.AddOptions<OrganisationOptions>().Configure(o =>
        {
            o.InternalDomains = ["botkyrka.se"];
            o.Signature.LogoMarkers = ["botkyrka"];
        });
        services.AddSingleton(TimeProvider.System);
        services.AddDraftReview();
        return services.BuildServiceProvider().GetRequiredService<DraftReviewer>();
    }

    public static string Sample(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", name));

    /// <summary>An Outlook-on-Windows reply that quotes a long thread, grown to <paramref name="size"/> characters.</summary>
    public static string LargeThread(int size)
    {
        var reply = Sample("outlook-windows-reply.html");
        var cut = reply.IndexOf("</div>\n</body>", StringComparison.Ordinal);
        var start = reply.IndexOf("<div>\n<div style=\"border:none", StringComparison.Ordinal);
        var quoted = reply[start..cut];
        var html = new StringBuilder(reply[..cut], size + quoted.Length);
        var own = "<p class=\"MsoNormal\">Vi har gått igenom ärendet igen och återkommer med ett beslut i nästa vecka. " +
                  "Under tiden kan du skicka in kompletteringen via e-tjänsten.<o:p></o:p></p>\n";
        while (html.Length < size - 200) html.Append(quoted).Append(own);
        return html.Append("</div>\n</body>\n</html>\n").ToString();
    }

    [Benchmark(Description = "Parse 3 KB reply (AngleSharp only)")]
    public object ParseTypical() => new HtmlParser().ParseDocument(_typical.BodyHtml!);

    [Benchmark(Description = "Review 3 KB reply")]
    public DraftReview ReviewTypical() => _reviewer.Review(_typical);

    [Benchmark(Description = "Parse 1 MB thread (AngleSharp only)")]
    public object ParseLarge() => new HtmlParser().ParseDocument(_large.BodyHtml!);

    [Benchmark(Description = "Review 1 MB thread")]
    public DraftReview ReviewLarge() => _reviewer.Review(_large);
}

/// <summary>
/// Drafts under the 2 MB body limit built to be slow (issue 7): deep nesting, reopened formatting (caught by depth, or
/// by the clock when it does not show in the tree), a wide tail under nested blocks, long attribute lists, almost 2 MB
/// of one word, of short words, of lines, of one finding, and a huge subject. Goal: each answered (reviewed, or
/// refused as too complex) under a second.
/// Run: dotnet run -c Release --project tests/AddinApi.Benchmarks -- --filter '*Hostile*' --job short
/// </summary>
[MemoryDiagnoser]
public class HostileDraftBenchmarks
{
    private const int AlmostTwoMegabytes = 1_900_000;

    private static readonly Dictionary<string, Func<DraftReviewRequest>> Drafts = new()
    {
        ["DeepDiv100k"] = () => Html(Repeat("<div>", 100_000) + "Hej"),
        ["DeepList100k"] = () => Html(Repeat("<ul><li>", 100_000) + "Hej"),
        ["DeepReopenedB2k"] = () => Html(string.Concat(Enumerable.Range(0, 2_000).Select(i => $"<p><b id={i}>x"))),
        ["DeepAllowed350Br"] = () => Html(Repeat("<div>", 350) + Repeat("a<br>", 380_000)),
        ["Reopened390BThenParagraphs"] = () => Html(string.Concat(Enumerable.Range(0, 390).Select(i => $"<p><b id={i}>x")) + Repeat("<p>x", 10_000)),
        ["WideTail100x100kImg"] = () => Html(Repeat("<div style='border-top:solid'>", 100) + Repeat("<img>", 100_000) + "Hej"),
        ["TinyParagraphs100k"] = () => Html(Repeat("<p>Hej.</p>", 100_000)),
        ["TinyParagraphs1.9MB"] = () => Html(Filled("<p>a</p>")),
        ["Attributes100k"] = () => Html("<div " + string.Join(' ', Enumerable.Range(0, 100_000).Select(i => $"a{i}=x")) + ">Hej</div>"),
        ["OneWord1.9MB"] = () => Html("<div>" + new string('a', AlmostTwoMegabytes) + "</div>"),
        ["ShortWords1.9MB"] = () => Text(Filled("a ")),
        ["Lines1.9MB"] = () => Text(Filled("a\n")),
        ["Dates1.9MB"] = () => Text(Filled("3/12 ")),
        ["PersonalIds1.9MB"] = () => Text(Filled("811218-9876 ")),
        ["Subject1.9MB"] = () => new DraftReviewRequest(Filled("a "), null, "Hej!", null, null, null, null),
    };

    private DraftReviewer _reviewer = null!;
    private DraftReviewRequest _draft = null!;

    public static IEnumerable<string> Cases => Drafts.Keys;

    [ParamsSource(nameof(Cases))]
    public string Draft { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _reviewer = DraftReviewBenchmarks.CreateReviewer();
        _draft = Drafts[Draft]();
    }

    /// <summary>The findings of a review, or -1 when the draft is refused as too complex (the API's 422).</summary>
    [Benchmark(Description = "Review hostile draft")]
    public int Review()
    {
        try
        {
            return _reviewer.Review(_draft).Findings.Count;
        }
        catch (DraftTooComplexException)
        {
            return -1;
        }
    }

    private static DraftReviewRequest Html(string html) => new("Svar", html, null, null, null, null, null);

    private static DraftReviewRequest Text(string text) => new("Svar", null, text, null, null, null, null);

    private static string Repeat(string part, int times) => new StringBuilder(part.Length * times).Insert(0, part, times).ToString();

    private static string Filled(string part) => Repeat(part, AlmostTwoMegabytes / part.Length);
}
