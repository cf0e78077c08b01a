using System.Globalization;
using Kontaktlofte.AddinApi.Directory;
using Kontaktlofte.AddinApi.Mail;
using Kontaktlofte.AddinApi.Promises;

namespace Kontaktlofte.AddinApi.Coverage;

/// <summary>A member away with nobody recorded to read their mail today.</summary>
/// <param name="Name">The member's name.</param>
/// <param name="Until">The day the automatic reply ends (Stockholm), when it is scheduled.</param>
/// <param name="Open">Open citizen mail in their own mailbox.</param>
public sealed record AwayWithoutCover(string Name, DateOnly? Until, int Open);

/// <summary>Overdue citizen mail now in one member's or function mailbox's keeping.</summary>
/// <param name="Who">The member's name, or the function mailbox's address.</param>
/// <param name="Overdue">How many.</param>
public sealed record OverdueNow(string Who, int Overdue);

/// <summary>What a unit head's Monday digest says: counts and colleagues' names only, nothing of a citizen or their mail.</summary>
/// <param name="HeadName">The head's name (the greeting uses the first name).</param>
/// <param name="Day">The day it is for: the week's first working day.</param>
/// <param name="AwayWithoutCover">Who is away without cover; null when the automatic replies could not be read.</param>
/// <param name="Overdue">Members and function mailboxes with overdue mail now.</param>
/// <param name="LastWeek">Last week in the promise report; null when the head belongs to no unit in Kontaktlöfte.</param>
/// <param name="CoverageUrl">The coverage page; null when no public address is configured.</param>
public sealed record HeadDigestFacts(string HeadName, DateOnly Day, IReadOnlyList<AwayWithoutCover>? AwayWithoutCover,
    IReadOnlyList<OverdueNow> Overdue, PromiseReportWeek? LastWeek, string? CoverageUrl);

/// <summary>The unit heads' Monday digest, as rules and as plain Swedish (klarspråk: short sentences, the head addressed as "du").</summary>
public static class HeadDigestText
{
    public const string AbsencesUnread =
        "Frånvaron i enheten kunde inte läsas i dag. Öppna Enhetens bevakning i Kontaktlöfte, så ser du vem som är borta.";

    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    /// <summary>
    /// The members away now (<see cref="CoverageRules.IsAway"/>) with no cover recorded for today, in Swedish order — the
    /// gap the guideline's routine is for, whether or not mail waits yet.
    /// </summary>
    public static IReadOnlyList<AwayWithoutCover> Away(IReadOnlyList<(string Email, string Name)> members, IReadOnlyList<AutomaticReply> replies,
        IReadOnlyDictionary<string, (DateOnly From, DateOnly To)> covers, IReadOnlyDictionary<string, OpenCount> open, DateTimeOffset now)
    {
        var today = Stockholm.DayOf(now);
        var replyOf = replies.DistinctBy(r => r.Email, StringComparer.OrdinalIgnoreCase).ToDictionary(r => r.Email, StringComparer.OrdinalIgnoreCase);
        return CoverageRules.InOrder(members
                .Where(m => replyOf.TryGetValue(m.Email, out var reply) && CoverageRules.IsAway(reply, now))
                .Where(m => !(covers.TryGetValue(m.Email, out var cover) && CoverageRules.CoversOn(cover.From, cover.To, today)))
                .Select(m => new AwayWithoutCover(m.Name, replyOf[m.Email].End is { } end ? Stockholm.DayOf(end) : null,
                    open.GetValueOrDefault(m.Email)?.Open ?? 0)),
            _ => false, _ => 0, a => a.Name).ToList();
    }

    public static string Subject(DateOnly day) => $"Kontaktlöfte: enhetens bevakning vecka {ISOWeek.GetWeekOfYear(day.ToDateTime(TimeOnly.MinValue))}";

    public static string Html(HeadDigestFacts facts)
    {
        var firstName = facts.HeadName.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        var parts = new List<string> { Paragraph(firstName is null ? "God morgon!" : $"God morgon, {firstName}!") };
        parts.AddRange(Absences(facts.AwayWithoutCover));
        parts.AddRange(Overdue(facts.Overdue));
        parts.Add(Paragraph(Share(facts.LastWeek)));
        parts.Add(facts.CoverageUrl is { } url
            ? $"<p><a href=\"{GeneratedMail.Encoder.Encode(url)}\">Öppna Enhetens bevakning</a> för att se hela enheten och välja ersättare.</p>"
            : Paragraph("Öppna Enhetens bevakning i Kontaktlöfte för att se hela enheten och välja ersättare."));
        parts.Add(Paragraph("Det här är ett automatiskt veckobrev från Kontaktlöfte."));
        return "<div>\n" + string.Join("\n", parts) + "\n</div>\n";
    }

    private static IEnumerable<string> Absences(IReadOnlyList<AwayWithoutCover>? away)
    {
        if (away is null) return [Paragraph(AbsencesUnread)];
        if (away.Count == 0) return [Paragraph("Ingen i enheten är borta utan ersättare.")];
        // "till": the day the automatic reply ends, which may be the last day away or the first day back.
        return [Paragraph("Borta utan ersättare i dag:"), List(away.Select(a =>
                a.Name + (a.Until is { } until ? $", till {until.ToString("d MMMM", Swedish)}" : "") + ": "
                + a.Open switch { 0 => "inga öppna mejl", 1 => "1 öppet mejl", var n => $"{n} öppna mejl" })),
            Paragraph("Välj en ersättare, så att någon läser deras post.")];
    }

    private static IEnumerable<string> Overdue(IReadOnlyList<OverdueNow> overdue)
    {
        var late = overdue.Where(o => o.Overdue > 0).ToList();
        if (late.Count == 0) return [Paragraph("Inga mejl från invånare är försenade just nu.")];
        return [Paragraph($"Försenade mejl från invånare just nu, {late.Sum(o => o.Overdue)} i allt:"),
            List(late.OrderByDescending(o => o.Overdue).Select(o => $"{o.Who}: {o.Overdue}"))];
    }

    /// <summary>Last week's share from the promise report (<see cref="ReportWeeks"/>): one definition, never counted a second way.</summary>
    public static string Share(PromiseReportWeek? week)
    {
        if (week is null) return "Förra veckans siffror saknas: du hör inte till någon enhet i Kontaktlöfte.";
        var number = ISOWeek.GetWeekOfYear(week.Monday.ToDateTime(TimeOnly.MinValue));
        if (week.Received == 0) return $"Förra veckan (vecka {number}) fick enheten inga mejl från invånare.";
        return $"Förra veckan (vecka {number}) fick enheten {week.Received} mejl från invånare. " +
               $"Av dem fick {Share(week.WithinTwoWorkingDays, week.ShareWithinTwoWorkingDays)} svar eller bekräftelse inom två arbetsdagar, " +
               $"som kontaktlöftet lovar, och {Share(week.WithinOneWorkingDay, week.ShareWithinOneWorkingDay)} inom en arbetsdag.";
    }

    private static string Share(int count, double? share) =>
        $"{count} ({Math.Round((share ?? 0) * 100, MidpointRounding.AwayFromZero).ToString("0", Swedish)} procent)";

    private static string Paragraph(string text) => $"<p>{GeneratedMail.Encoder.Encode(text)}</p>";

    private static string List(IEnumerable<string> items) =>
        "<ul>\n" + string.Concat(items.Select(i => $"<li>{GeneratedMail.Encoder.Encode(i)}</li>\n")) + "</ul>";
}
