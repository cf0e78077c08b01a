namespace Kontaktlofte.AddinApi.Audit;

/// <summary>One line of the audit log, as a person reads it.</summary>
/// <param name="Id">The line's number in the log.</param>
/// <param name="At">When (an instant, UTC).</param>
/// <param name="Actor">Who acted: a sign-in name, or "watcher" for the product itself.</param>
/// <param name="Action">What, e.g. acknowledgement.queued or registration.registered.</param>
/// <param name="Description">The action in Swedish, e.g. "Mottagningsbevis köat".</param>
/// <param name="Target">The record acted on: our own id, a member's or a function mailbox's address, or a message's key (msg-…).</param>
/// <param name="Details">Numbers, dates and choices only: never a citizen, a subject or a text.</param>
public sealed record AuditLine(long Id, DateTimeOffset At, string Actor, string Action, string Description, string Target, string? Details);

/// <summary>A page of the audit log, newest first.</summary>
/// <param name="Items">At most <c>limit</c> lines.</param>
/// <param name="Next">The cursor for the next (older) page, to pass as <c>before</c>; null on the last page.</param>
public sealed record AuditPage(IReadOnlyList<AuditLine> Items, string? Next);
