using System.Text.RegularExpressions;
using Kontaktlofte.AddinApi.Directory;
using Kontaktlofte.AddinApi.Mail;

namespace Kontaktlofte.AddinApi.Coverage;

/// <summary>
/// The unit head's routine, as rules (e-mail guideline: the unit head is responsible for a routine so that nobody's
/// absence leaves mail unwatched; an automatic reply refers the citizen to Kontaktcenter, 08-530 610 00, or a colleague).
/// Pure: the endpoints bring the directory's and the database's facts.
/// </summary>
public static partial class CoverageRules
{
    public const string NoEndDate = "Frånvaromeddelandet har inget slutdatum: ange när du är tillbaka.";
    public const string NoContact = "Frånvaromeddelandet hänvisar inte till Kontaktcenter (08-530 610 00) eller till en kollega.";
    public const string Gap = "Borta med öppen post från invånare och ingen ersättare i dag.";

    /// <summary>
    /// Away: the automatic reply is on and, if scheduled, now is inside its window — from its start (inclusive) to its
    /// end (exclusive: at the end it has stopped).
    /// </summary>
    public static bool IsAway(AutomaticReply reply, DateTimeOffset now) =>
        reply.Enabled && (reply.Start is null || reply.Start <= now) && (reply.End is null || now < reply.End);

    /// <summary>A recorded cover stands for the whole of its first and its last day.</summary>
    public static bool CoversOn(DateOnly from, DateOnly to, DateOnly day) => from <= day && day <= to;

    /// <summary>
    /// True when the reply's text names somewhere else to turn: Kontaktcenter by name or number (any spacing or dash, +46
    /// too), a colleague by name or address, or any address in the municipality's domains other than the absentee's own.
    /// </summary>
    public static bool NamesContact(string? message, string ownAddress, IEnumerable<Person> colleagues, Func<string, bool> isInternalAddress)
    {
        if (string.IsNullOrWhiteSpace(message)) return false;
        var text = Space().Replace(MarkupText.Strip(message), " ");
        if (text.Contains("kontaktcenter", StringComparison.OrdinalIgnoreCase) || ContactCentreNumber().IsMatch(text)) return true;
        var others = colleagues.Where(c => !c.Email.Equals(ownAddress, StringComparison.OrdinalIgnoreCase)).ToList();
        if (others.Any(c => Names(text, c.Name))) return true;
        // Whole addresses only: sofia.ahmed@botkyrka.se.example.com is not Sofia.
        return Address().Matches(text).Select(m => m.Value).Any(a => !a.Equals(ownAddress, StringComparison.OrdinalIgnoreCase)
            && (isInternalAddress(a) || others.Any(c => c.Email.Equals(a, StringComparison.OrdinalIgnoreCase))));
    }

    /// <summary>What is wrong with a reply that is on (nothing when it is off): it must end, and it must send the citizen somewhere.</summary>
    public static IReadOnlyList<string> Problems(AutomaticReply reply, bool namesContact)
    {
        var problems = new List<string>();
        if (!reply.Enabled) return problems;
        if (reply.End is null) problems.Add(NoEndDate);
        if (!namesContact) problems.Add(NoContact);
        return problems;
    }

    /// <summary>The gap the routine is for: away, citizen mail waiting, and nobody recorded to read it today.</summary>
    public static bool IsGap(bool away, int open, bool coveredToday) => away && open > 0 && !coveredToday;

    /// <summary>
    /// A function mailbox is watched now when one of its watchers is here — or is away with a cover recorded for today:
    /// the head has named someone to read the absentee's mail, and the guideline asks for exactly that routine.
    /// </summary>
    public static bool WatchedNow(IEnumerable<(bool Away, bool CoveredToday)> watchers) => watchers.Any(w => !w.Away || w.CoveredToday);

    /// <summary>Gaps first, then members with overdue mail, then by name (Swedish alphabetical order).</summary>
    public static IEnumerable<T> InOrder<T>(IEnumerable<T> members, Func<T, bool> gap, Func<T, int> overdue, Func<T, string> name) =>
        members.OrderBy(m => gap(m) ? 0 : 1).ThenBy(m => overdue(m) > 0 ? 0 : 1).ThenBy(name, Swedish);

    private static readonly StringComparer Swedish = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("sv-SE"), ignoreCase: true);

    /// <summary>A full name as words of the text (not "Per Holm" inside "Per Holmberg").</summary>
    private static bool Names(string text, string name) =>
        name.Trim().Length > 0 && Regex.IsMatch(text, $@"(?<!\w){Regex.Escape(name.Trim()).Replace(@"\ ", @"\s+", StringComparison.Ordinal)}(?!\w)",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));

    // 08-530 610 00 written any way: 08-530 610 00, 08 530 610 00, 0853061000, 08-530 61 000, +46 8 530 610 00, +46 (0)8-530 610 00.
    [GeneratedRegex(@"(?<!\d)(?:\+\s*46[\s\-–‑.]*(?:\(0\)[\s\-–‑.]*)?|0[\s\-–‑.]*)8[\s\-–‑.]*5[\s\-–‑.]*3[\s\-–‑.]*0[\s\-–‑.]*6[\s\-–‑.]*1[\s\-–‑.]*0[\s\-–‑.]*0[\s\-–‑.]*0(?!\d)")]
    private static partial Regex ContactCentreNumber();

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")]
    private static partial Regex Address();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();
}
