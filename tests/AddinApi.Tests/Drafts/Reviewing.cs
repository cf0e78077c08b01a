using Kontaktlofte.AddinApi.Drafts;
using Kontaktlofte.AddinApi.Mail;
using Kontaktlofte.AddinApi.Organisation;
using Microsoft.Extensions.DependencyInjection;

namespace Kontaktlofte.AddinApi.Tests.Drafts;

/// <summary>The review engine as the API builds it, on a fixed day, and drafts to feed it.</summary>
internal static class Reviewing
{
    /// <summary>Saturday 2026-11-28, 10:00 in Stockholm.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 28, 10, 0, 0, TimeSpan.FromHours(1));

    public static readonly MailAddress Citizen = new("Anna Berg", "anna.berg@example.se");
    public static readonly MailAddress Colleague = new("Per Holm", "per.holm@botkyrka.se");

    /// <summary>The common signature, filled in as the guideline asks.</summary>
    public const string Signature = """
        Med vänlig hälsning
        Hanna Lindqvist
        Handläggare, Bygglovsenheten
        Botkyrka kommun
        Telefon: 08-530 612 34
        E-post: hanna.lindqvist@botkyrka.se
        """;

    private static readonly DraftReviewer Reviewer = CreateReviewer();

    public static DraftReviewer CreateReviewer()
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FixedClock(Now));
        services.AddOptions<OrganisationOptions>().Configure(o =>
        {
            o.InternalDomains = ["botkyrka.se"];
            o.Signature.LogoMarkers = ["botkyrka"];
            o.Signature.Template = ["Med vänlig hälsning", "Förnamn Efternamn", "Titel", "Botkyrka kommun"];
        });
        services.AddDraftReview();
        return services.BuildServiceProvider().GetRequiredService<DraftReviewer>();
    }

    public static DraftReview Review(DraftReviewRequest request) => Reviewer.Review(request);

    /// <summary>A signed plain-text reply to a citizen with <paramref name="own"/> as the official's text.</summary>
    public static DraftReviewRequest Reply(string own, string subject = "Svar på din fråga om bygglov",
        IReadOnlyList<MailAddress>? to = null, IReadOnlyList<MailAddress>? cc = null, IReadOnlyList<MailAddress>? bcc = null,
        IReadOnlyList<AttachmentInfo>? attachments = null, bool readReceipt = false) =>
        new(subject, null, own + "\n\n" + Signature, to ?? [Citizen], cc, bcc, attachments, true, readReceipt);

    public static DraftReview ReviewReply(string own, string subject = "Svar på din fråga om bygglov") =>
        Review(Reply(own, subject));

    public static DraftReview ReviewHtml(string html, IReadOnlyList<MailAddress>? to = null) =>
        Review(new DraftReviewRequest("Svar på din fråga", html, null, to ?? [Citizen], null, null, null, true));

    public static List<Finding> Of(this DraftReview review, string rule) => review.Findings.Where(f => f.Rule == rule).ToList();

    public static string Sample(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Drafts", "MailText", "Samples", name));
}
