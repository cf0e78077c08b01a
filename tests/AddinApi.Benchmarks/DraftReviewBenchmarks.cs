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
        var services = new ServiceCollection();
        services.AddOptions<OrganisationOptions>().Configure(o =>
        {
            o.InternalDomains = ["botkyrka.se"];
            o.Signature.LogoMarkers = ["botkyrka"];
        });
        services.AddSingleton(TimeProvider.System);
        services.AddDraftReview();
        _reviewer = services.BuildServiceProvider().GetRequiredService<DraftReviewer>();

        MailAddress[] to = [new("Anna Berg", "anna.berg@example.se")];
        _typical = new DraftReviewRequest("Svar på din fråga om bygglov", Sample("outlook-web-reply.html"), null, to, null, null, null, true);
        _large = new DraftReviewRequest("Svar på din fråga om bygglov", LargeThread(1024 * 1024), null, to, null, null, null, true);
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
