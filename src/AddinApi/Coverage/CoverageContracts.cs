namespace Kontaktlofte.AddinApi.Coverage;

/// <summary>The unit head's Monday view: who is away, is the automatic reply right, who covers whom, what mail is open.</summary>
/// <param name="Members">The unit's members (the head's direct reports): gaps first, then overdue mail, then by name.</param>
/// <param name="FunctionMailboxes">The function mailboxes watched by the head or a member.</param>
public sealed record UnitCoverage(IReadOnlyList<MemberCoverage> Members, IReadOnlyList<FunctionMailboxCoverage> FunctionMailboxes);

/// <summary>One member of the unit.</summary>
/// <param name="Id">The member's id for <c>/api/units/mine/members/{id}/cover</c>: the e-mail address, lower case.</param>
/// <param name="Name">Display name.</param>
/// <param name="Email">E-mail address.</param>
/// <param name="AutoReply">The automatic reply (frånvaromeddelande) as Exchange tells it now.</param>
/// <param name="Cover">Who covers the member, as the head recorded it; null when nobody does now or later.</param>
/// <param name="Open">Open citizen mail in the member's own mailbox.</param>
/// <param name="DueToday">Of it, due today.</param>
/// <param name="Overdue">Of it, overdue.</param>
/// <param name="Flagged">Away, with open mail, and no cover today: nobody reads it.</param>
/// <param name="Flags">What the head should look at, in Swedish: the gap, then what is wrong with the automatic reply.</param>
public sealed record MemberCoverage(string Id, string Name, string Email, AutoReplyStatus AutoReply, CoverStatus? Cover,
    int Open, int DueToday, int Overdue, bool Flagged, IReadOnlyList<string> Flags);

/// <summary>A member's automatic reply.</summary>
/// <param name="Enabled">On.</param>
/// <param name="Start">Scheduled start; null when not scheduled.</param>
/// <param name="End">Scheduled end; null when it has none (a problem).</param>
/// <param name="NamesContact">Its text refers to Kontaktcenter (08-530 610 00) or a colleague.</param>
/// <param name="Away">On, and now inside its schedule.</param>
/// <param name="Problems">What is wrong with it, in Swedish; empty when it is right or off.</param>
public sealed record AutoReplyStatus(bool Enabled, DateTimeOffset? Start, DateTimeOffset? End, bool NamesContact, bool Away, IReadOnlyList<string> Problems);

/// <summary>A recorded cover.</summary>
/// <param name="Id">The colleague's id (e-mail address).</param>
/// <param name="Name">The colleague's name.</param>
/// <param name="Email">The colleague's address.</param>
/// <param name="From">First day covered.</param>
/// <param name="To">Last day covered.</param>
/// <param name="Today">True when today is inside the period.</param>
public sealed record CoverStatus(string Id, string Name, string Email, DateOnly From, DateOnly To, bool Today);

/// <summary>A function mailbox of the unit.</summary>
/// <param name="Address">The mailbox.</param>
/// <param name="Watchers">Who watches it.</param>
/// <param name="WatchedNow">At least one watcher is here, or away with a cover recorded for today.</param>
/// <param name="Open">Open citizen mail in it.</param>
/// <param name="DueToday">Of it, due today.</param>
/// <param name="Overdue">Of it, overdue.</param>
public sealed record FunctionMailboxCoverage(string Address, IReadOnlyList<string> Watchers, bool WatchedNow, int Open, int DueToday, int Overdue);

/// <summary>Who covers a member, and when.</summary>
/// <param name="CoverId">The colleague's id (e-mail address) — a member of the unit, or the head; null removes the cover.</param>
/// <param name="From">First day covered (yyyy-mm-dd).</param>
/// <param name="To">Last day covered, not before <paramref name="From"/> nor before today.</param>
public sealed record CoverRequest(string? CoverId, DateOnly? From, DateOnly? To);

/// <summary>The member's cover after the change.</summary>
/// <param name="MemberId">The member.</param>
/// <param name="Cover">The cover recorded; null when removed.</param>
public sealed record MemberCover(string MemberId, CoverStatus? Cover);
