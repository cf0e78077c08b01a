using System.Security.Claims;
using Kontaktlofte.AddinApi.Graph;
using Kontaktlofte.AddinApi.Mailbox.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;

namespace Kontaktlofte.AddinApi.Directory.Graph;

/// <summary>
/// The official's own automatic reply through Graph on their behalf: <c>GET /me/mailboxSettings/automaticRepliesSetting</c>
/// and <c>PATCH /me/mailboxSettings</c> with only <c>automaticRepliesSetting</c> in the body (the other settings — time zone,
/// working hours, locale — stay as the official has them). Delegated MailboxSettings.ReadWrite; Graph offers no way to
/// read another user's setting with it, which is why colleagues' replies come from getMailTips.
/// </summary>
internal sealed class GraphOwnAutomaticReply(GraphClients graph) : IOwnAutomaticReply
{
    private static readonly Dictionary<string, ParsableFactory<IParsable>> Errors = new() { ["XXX"] = ODataError.CreateFromDiscriminatorValue };

    public Task<AutomaticReplySetting> GetAsync(ClaimsPrincipal user, CancellationToken cancel) => GraphCalls.Call(async () =>
    {
        // The SDK has no request builder below /me/mailboxSettings: the same adapter, pipeline and error mapping, our URL.
        var client = graph.ForUser(user);
        var request = new RequestInformation(Method.GET, "{+baseurl}/me/mailboxSettings/automaticRepliesSetting", new Dictionary<string, object>());
        request.Headers.TryAdd("Accept", "application/json");
        var setting = await client.RequestAdapter.SendAsync(request, AutomaticRepliesSetting.CreateFromDiscriminatorValue, Errors, cancel);
        return setting is null ? AutomaticReplySetting.Off : ToSetting(setting);
    }, cancel);

    public Task SetAsync(ClaimsPrincipal user, AutomaticReplySetting setting, CancellationToken cancel) => GraphCalls.Call(async () =>
    {
        var scheduled = setting.Status == AutomaticReplyStatus.Scheduled;
        await graph.ForUser(user).Me.MailboxSettings.PatchAsync(new MailboxSettings
        {
            AutomaticRepliesSetting = new AutomaticRepliesSetting
            {
                Status = setting.Status switch
                {
                    AutomaticReplyStatus.AlwaysEnabled => AutomaticRepliesStatus.AlwaysEnabled,
                    AutomaticReplyStatus.Scheduled => AutomaticRepliesStatus.Scheduled,
                    _ => AutomaticRepliesStatus.Disabled,
                },
                ExternalAudience = setting.Audience switch
                {
                    ExternalAudience.None => ExternalAudienceScope.None,
                    ExternalAudience.ContactsOnly => ExternalAudienceScope.ContactsOnly,
                    _ => ExternalAudienceScope.All,
                },
                ScheduledStartDateTime = scheduled && setting.Start is { } start ? GraphTimes.Utc(start) : null,
                ScheduledEndDateTime = scheduled && setting.End is { } end ? GraphTimes.Utc(end) : null,
                InternalReplyMessage = setting.InternalMessage ?? "",
                ExternalReplyMessage = setting.ExternalMessage ?? "",
            },
        }, cancellationToken: cancel);
        return true;
    }, cancel);

    private static AutomaticReplySetting ToSetting(AutomaticRepliesSetting s) => new(
        s.Status switch
        {
            AutomaticRepliesStatus.AlwaysEnabled => AutomaticReplyStatus.AlwaysEnabled,
            AutomaticRepliesStatus.Scheduled => AutomaticReplyStatus.Scheduled,
            _ => AutomaticReplyStatus.Disabled,
        },
        // Exchange keeps the last schedule after the status moves on; it means something only while scheduled.
        s.Status == AutomaticRepliesStatus.Scheduled ? GraphTimes.Moment(s.ScheduledStartDateTime) : null,
        s.Status == AutomaticRepliesStatus.Scheduled ? GraphTimes.Moment(s.ScheduledEndDateTime) : null,
        Blank(s.InternalReplyMessage), Blank(s.ExternalReplyMessage),
        s.ExternalAudience switch
        {
            ExternalAudienceScope.None => ExternalAudience.None,
            ExternalAudienceScope.ContactsOnly => ExternalAudience.ContactsOnly,
            _ => ExternalAudience.All,
        });

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
