using System.Security.Claims;

namespace Kontaktlofte.AddinApi.Directory;

/// <summary>Exchange's three states of an automatic reply (Graph's <c>automaticRepliesStatus</c>).</summary>
public enum AutomaticReplyStatus { Disabled, AlwaysEnabled, Scheduled }

/// <summary>Who outside the organisation gets the external reply (Graph's <c>externalAudienceScope</c>).</summary>
public enum ExternalAudience { None, ContactsOnly, All }

/// <summary>The signed-in official's own automatic-reply setting, as Exchange keeps it in the mailbox settings.</summary>
/// <param name="Status">Off, on until turned off, or on between <paramref name="Start"/> and <paramref name="End"/>.</param>
/// <param name="Start">Scheduled start; null unless scheduled.</param>
/// <param name="End">Scheduled end; null unless scheduled.</param>
/// <param name="InternalMessage">The reply colleagues get (HTML).</param>
/// <param name="ExternalMessage">The reply senders outside the organisation — citizens — get (HTML).</param>
/// <param name="Audience">Which outside senders get the external reply.</param>
public sealed record AutomaticReplySetting(AutomaticReplyStatus Status, DateTimeOffset? Start, DateTimeOffset? End,
    string? InternalMessage, string? ExternalMessage, ExternalAudience Audience)
{
    public static readonly AutomaticReplySetting Off = new(AutomaticReplyStatus.Disabled, null, null, null, null, ExternalAudience.All);

    /// <summary>The text a citizen gets: the external reply, unless outside senders get none (then the internal one is all there is).</summary>
    public string? CitizensMessage => Audience == ExternalAudience.None ? InternalMessage : ExternalMessage;

    /// <summary>As the directory's mail tips tell it to colleagues: on or off, the internal text, the schedule.</summary>
    public AutomaticReply AsMailTip(string email) => Status == AutomaticReplyStatus.Disabled
        ? new AutomaticReply(email, false, null, null, null)
        : new AutomaticReply(email, true, InternalMessage, Start, End);
}

/// <summary>
/// The port for the signed-in official's own automatic reply (read and write). Graph's <c>/me/mailboxSettings</c> in
/// production (delegated MailboxSettings.ReadWrite: nobody else's), the sandbox users' settings locally.
/// </summary>
public interface IOwnAutomaticReply
{
    Task<AutomaticReplySetting> GetAsync(ClaimsPrincipal user, CancellationToken cancel);

    /// <summary>Replaces the whole setting: status, schedule, both texts and the external audience.</summary>
    Task SetAsync(ClaimsPrincipal user, AutomaticReplySetting setting, CancellationToken cancel);
}
