using System.Collections.Concurrent;
using System.Security.Claims;
using Kontaktlofte.AddinApi.Auth;
using Kontaktlofte.AddinApi.Directory;

namespace Kontaktlofte.AddinApi.Sandbox;

/// <summary>
/// The sandbox users' own automatic replies, kept while the sandbox runs (a restart brings back the seed). The sandbox
/// directory's mail tips read the same settings, so a unit head sees what an official set.
/// </summary>
internal sealed class SandboxAutomaticReplies
{
    /// <summary>Rasmus Ekström is away with a reply that names nobody and never ends: a new user sees the notice and its fix.</summary>
    public const string BadReplyUser = "registrator@sandbox.botkyrka.se";

    private readonly ConcurrentDictionary<string, AutomaticReplySetting> _settings = new(StringComparer.OrdinalIgnoreCase)
    {
        [BadReplyUser] = new(AutomaticReplyStatus.AlwaysEnabled, null, null,
            "<p>Hej! Jag är på semester och läser inte min e-post.</p><p>/Rasmus</p>",
            "<p>Hej! Jag är på semester och läser inte min e-post.</p><p>/Rasmus</p>", ExternalAudience.All),
    };

    public AutomaticReplySetting? Find(string email) => _settings.TryGetValue(email.Trim(), out var setting) ? setting : null;

    public void Set(string email, AutomaticReplySetting setting) => _settings[email.Trim()] = setting;
}

/// <summary>The own-automatic-reply port in the sandbox: the signed-in sandbox user's setting (off until set).</summary>
internal sealed class SandboxOwnAutomaticReply(SandboxAutomaticReplies replies) : IOwnAutomaticReply
{
    public Task<AutomaticReplySetting> GetAsync(ClaimsPrincipal user, CancellationToken cancel) =>
        Task.FromResult(replies.Find(Email(user)) ?? AutomaticReplySetting.Off);

    public Task SetAsync(ClaimsPrincipal user, AutomaticReplySetting setting, CancellationToken cancel)
    {
        replies.Set(Email(user), setting);
        return Task.CompletedTask;
    }

    private static string Email(ClaimsPrincipal user) =>
        user.FindFirstValue(KontaktlofteClaims.Email) is { Length: > 0 } email ? email : throw new InvalidOperationException("No signed-in sandbox user.");
}
