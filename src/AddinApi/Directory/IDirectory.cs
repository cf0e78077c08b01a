using System.Security.Claims;

namespace Kontaktlofte.AddinApi.Directory;

/// <summary>A person in the organisation's directory: who can be named contact person, and how to reach them.</summary>
/// <param name="Name">Display name.</param>
/// <param name="Title">Job title; empty when the directory has none.</param>
/// <param name="Phone">Work phone; empty when the directory has none.</param>
/// <param name="Email">E-mail address (lower case).</param>
/// <param name="Department">Department or unit; empty when unknown.</param>
public sealed record Person(string Name, string Title, string Phone, string Email, string Department);

/// <summary>A mailbox's automatic reply (frånvaromeddelande) as Exchange's mail tips tell it.</summary>
/// <param name="Email">Whose.</param>
/// <param name="Enabled">True while an automatic reply is on.</param>
/// <param name="Message">Its text (HTML as Exchange holds it); null when off.</param>
/// <param name="Start">Scheduled start, when scheduled.</param>
/// <param name="End">Scheduled end, when scheduled.</param>
public sealed record AutomaticReply(string Email, bool Enabled, string? Message, DateTimeOffset? Start, DateTimeOffset? End);

/// <summary>
/// The directory port: the signed-in official's profile, colleagues across the whole organisation, a unit head's
/// direct reports, and colleagues' automatic replies. Microsoft Graph in production, a seeded organisation in the sandbox.
/// </summary>
public interface IDirectory
{
    /// <summary>The signed-in user's own profile; null where the directory has none.</summary>
    Task<Person?> MeAsync(ClaimsPrincipal user, CancellationToken cancel);

    /// <summary>People whose name or address starts with the words of <paramref name="text"/>, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<Person>> SearchAsync(ClaimsPrincipal user, string text, int max, CancellationToken cancel);

    /// <summary>The signed-in user's direct reports (a unit head's unit).</summary>
    Task<IReadOnlyList<Person>> DirectReportsAsync(ClaimsPrincipal user, CancellationToken cancel);

    /// <summary>The automatic replies of these mailboxes, one each, in the same order.</summary>
    Task<IReadOnlyList<AutomaticReply>> AutomaticRepliesAsync(ClaimsPrincipal user, IReadOnlyList<string> addresses, CancellationToken cancel);

    /// <summary>
    /// The same in the background (a unit head's Monday digest): read with the user's long-running session, the key that
    /// <c>IMailbox.OpenForLaterAsync</c> gave while they were signed in. No session, or one expired, fails as the mailbox's
    /// <c>MailboxSignInRequiredException</c>.
    /// </summary>
    Task<IReadOnlyList<AutomaticReply>> AutomaticRepliesInBackgroundAsync(string? sessionKey, IReadOnlyList<string> addresses, CancellationToken cancel);
}
