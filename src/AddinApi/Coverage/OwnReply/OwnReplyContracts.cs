namespace Kontaktlofte.AddinApi.Coverage.OwnReply;

/// <summary>The signed-in official's own automatic reply (frånvaromeddelande), checked against the unit head's routine.</summary>
/// <param name="Enabled">On now or later: not off, and not past its scheduled end.</param>
/// <param name="Status">As Exchange has it: <c>disabled</c>, <c>alwaysEnabled</c> (on until turned off) or <c>scheduled</c>.</param>
/// <param name="Start">Scheduled start; null when not scheduled.</param>
/// <param name="End">Scheduled end; null when it has none (a problem while it is on).</param>
/// <param name="NamesContact">The text citizens get refers to Kontaktcenter (08-530 610 00), a colleague or a municipal address.</param>
/// <param name="Problems">What is wrong with it, in Swedish; empty when it is right or off.</param>
/// <param name="SuggestedReturnDate">The return date the form offers first: the scheduled end's day, else the next working day.</param>
/// <param name="LatestReturnDate">The latest return date the API accepts.</param>
public sealed record OwnAutomaticReply(bool Enabled, string Status, DateTimeOffset? Start, DateTimeOffset? End, bool NamesContact,
    IReadOnlyList<string> Problems, DateOnly SuggestedReturnDate, DateOnly LatestReturnDate);

/// <summary>The municipality's template for the official's automatic reply, with the official's choices.</summary>
/// <param name="ReturnDate">The day the official is back (yyyy-MM-dd): the reply ends as that day begins, Stockholm time.</param>
/// <param name="CoverId">A colleague to refer to (their e-mail address, from the colleague search); null: Kontaktcenter only.</param>
/// <param name="Start">The first day away (yyyy-MM-dd); null or today: from now.</param>
public sealed record OwnAutomaticReplyRequest(DateOnly? ReturnDate, string? CoverId, DateOnly? Start);

/// <summary>The template filled in, as it would be set; nothing is changed.</summary>
/// <param name="InternalReplyMessage">The reply colleagues get (HTML).</param>
/// <param name="ExternalReplyMessage">The reply citizens and other outside senders get (HTML).</param>
/// <param name="Start">When the reply starts.</param>
/// <param name="End">When it ends: the return date's start, Europe/Stockholm.</param>
/// <param name="Cover">The colleague referred to; null when only Kontaktcenter is.</param>
public sealed record OwnAutomaticReplyPreview(string InternalReplyMessage, string ExternalReplyMessage, DateTimeOffset Start, DateTimeOffset End,
    ReplyCover? Cover);

/// <summary>The colleague an automatic reply refers to, as the directory knows them.</summary>
public sealed record ReplyCover(string Id, string Name, string Phone, string Email);
