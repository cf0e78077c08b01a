using System.Security.Claims;
using System.Text.RegularExpressions;
using Kontaktlofte.AddinApi.Graph;
using Kontaktlofte.AddinApi.Mailbox;
using Kontaktlofte.AddinApi.Mailbox.Graph;
using Microsoft.Graph;
using Microsoft.Graph.Me.GetMailTips;
using Microsoft.Graph.Models;

namespace Kontaktlofte.AddinApi.Directory.Graph;

/// <summary>
/// The directory in production: Microsoft Graph on behalf of the signed-in official. Colleague search is an advanced
/// query (<c>$search</c> needs <c>ConsistencyLevel: eventual</c>); automatic replies come from <c>getMailTips</c>,
/// which answers for up to 100 mailboxes at once (reading another user's mailbox settings is refused).
/// </summary>
internal sealed partial class GraphDirectory(GraphClients graph) : IDirectory
{
    private const int MailTipsPerCall = 100;
    private static readonly string[] Fields = ["displayName", "jobTitle", "businessPhones", "mobilePhone", "mail", "userPrincipalName", "department"];

    public Task<Person?> MeAsync(ClaimsPrincipal user, CancellationToken cancel) => GraphCalls.Call(async () =>
    {
        var me = await graph.ForUser(user).Me.GetAsync(request => request.QueryParameters.Select = Fields, cancel);
        return me is null ? null : ToPerson(me);
    }, cancel);

    public Task<IReadOnlyList<Person>> SearchAsync(ClaimsPrincipal user, string text, int max, CancellationToken cancel) => GraphCalls.Call(async () =>
    {
        // $search matches the start of each word; quotes and backslashes would end the clause, so they go.
        var words = Unsafe().Replace(text, " ").Trim();
        if (words.Length == 0) return (IReadOnlyList<Person>)[];
        var found = await graph.ForUser(user).Users.GetAsync(request =>
        {
            request.Headers.Add("ConsistencyLevel", "eventual");
            request.QueryParameters.Search = $"\"displayName:{words}\" OR \"mail:{words}\"";
            request.QueryParameters.Select = Fields;
            request.QueryParameters.Orderby = ["displayName"];
            request.QueryParameters.Top = max;
            request.QueryParameters.Count = true;
        }, cancel);
        return (IReadOnlyList<Person>)(found?.Value ?? []).Select(ToPerson).Where(p => p.Email.Length > 0).ToList();
    }, cancel);

    /// <summary>
    /// Every direct report: Graph pages the answer (at most <c>$top</c> a page, and it may send fewer), so the next link is
    /// followed to the end — a unit of 1,000 is one call, never one per member.
    /// </summary>
    public Task<IReadOnlyList<Person>> DirectReportsAsync(ClaimsPrincipal user, CancellationToken cancel) => GraphCalls.Call(async () =>
    {
        var reports = graph.ForUser(user).Me.DirectReports.GraphUser;
        var page = await reports.GetAsync(request =>
        {
            request.QueryParameters.Select = Fields;
            request.QueryParameters.Top = 999;
        }, cancel);
        var people = new List<Person>();
        while (page is not null)
        {
            people.AddRange((page.Value ?? []).Select(ToPerson).Where(p => p.Email.Length > 0));
            if (page.OdataNextLink is not { Length: > 0 } next) break;
            page = await reports.WithUrl(next).GetAsync(cancellationToken: cancel);
        }
        return (IReadOnlyList<Person>)people;
    }, cancel);

    public Task<IReadOnlyList<AutomaticReply>> AutomaticRepliesAsync(ClaimsPrincipal user, IReadOnlyList<string> addresses, CancellationToken cancel) =>
        RepliesAsync(graph.ForUser(user), addresses, cancel);

    /// <summary>With the user's long-running session: MSAL refreshes it from Entra, nobody signed in.</summary>
    public Task<IReadOnlyList<AutomaticReply>> AutomaticRepliesInBackgroundAsync(string? sessionKey, IReadOnlyList<string> addresses,
        CancellationToken cancel) =>
        sessionKey is null
            ? throw new MailboxSignInRequiredException("Ingen inloggning finns sparad för att läsa frånvaromeddelanden i bakgrunden.", null)
            : RepliesAsync(graph.ForSession(sessionKey), addresses, cancel);

    private static Task<IReadOnlyList<AutomaticReply>> RepliesAsync(GraphServiceClient client, IReadOnlyList<string> addresses, CancellationToken cancel) =>
        GraphCalls.Call(async () =>
    {
        var replies = new List<AutomaticReply>(addresses.Count);
        foreach (var chunk in addresses.Chunk(MailTipsPerCall))
        {
            var tips = await client.Me.GetMailTips.PostAsGetMailTipsPostResponseAsync(new GetMailTipsPostRequestBody
            {
                EmailAddresses = [.. chunk],
                MailTipsOptions = MailTipsType.AutomaticReplies,
            }, cancellationToken: cancel);
            var byAddress = (tips?.Value ?? []).Where(t => t.EmailAddress?.Address is not null)
                .DistinctBy(t => t.EmailAddress!.Address!, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(t => t.EmailAddress!.Address!, StringComparer.OrdinalIgnoreCase);
            foreach (var address in chunk)
                replies.Add(byAddress.TryGetValue(address, out var tip) ? ToReply(address, tip) : new AutomaticReply(address, false, null, null, null));
        }
        return (IReadOnlyList<AutomaticReply>)replies;
    }, cancel);

    private static AutomaticReply ToReply(string address, MailTips tip)
    {
        var reply = tip.AutomaticReplies;
        var message = string.IsNullOrWhiteSpace(reply?.Message) ? null : reply.Message;
        return new AutomaticReply(address, message is not null, message, GraphTimes.Moment(reply?.ScheduledStartTime), GraphTimes.Moment(reply?.ScheduledEndTime));
    }

    private static Person ToPerson(User user) => new(
        user.DisplayName ?? user.Mail ?? "", user.JobTitle ?? "", user.BusinessPhones?.FirstOrDefault() ?? user.MobilePhone ?? "",
        (user.Mail ?? user.UserPrincipalName ?? "").ToLowerInvariant(), user.Department ?? "");

    [GeneratedRegex("[\"\\\\]")]
    private static partial Regex Unsafe();
}
