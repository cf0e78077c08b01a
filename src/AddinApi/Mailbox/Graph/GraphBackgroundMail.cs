using Kontaktlofte.AddinApi.Graph;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions;

namespace Kontaktlofte.AddinApi.Mailbox.Graph;

/// <summary>
/// The application's own sending through Microsoft Graph (client credentials; RBAC for Applications keeps it to the watched
/// mailboxes): <c>createReply</c> or a new draft in <c>/users/{mailbox}/messages</c>, then <c>send</c>. Graph lets a client
/// add only <c>x-</c> headers through <c>internetMessageHeaders</c>; any other header is a named property in the
/// PS_INTERNET_HEADERS set, which Exchange writes out as that header when the mail leaves ([MS-OXCMAIL] 2.2.3.4.2).
/// </summary>
internal sealed class GraphBackgroundMail(GraphClients graph) : IBackgroundMail
{
    /// <summary>PS_INTERNET_HEADERS: a string property in it named as a header becomes that header ([MS-OXPROPS] 1.3.2).</summary>
    public const string InternetHeaders = "{00020386-0000-0000-C000-000000000046}";

    public static string HeaderProperty(string name) => $"String {InternetHeaders} Name {name}";

    public Task<Draft> CreateReplyAsync(string mailbox, string messageId, ReplyDraft reply, IReadOnlyDictionary<string, string> headers,
        CancellationToken cancel) => GraphCalls.Call(async () =>
    {
        var messages = graph.ForApp().Users[mailbox].Messages;
        // Only what has a value is set: the SDK's backing store writes a property set to null twice (kiota-dotnet#535).
        var message = new Message { Body = new ItemBody { ContentType = BodyType.Html, Content = reply.BodyHtml } };
        if (reply.Subject is not null) message.Subject = reply.Subject;
        if (reply.To is { Address: not null }) message.ToRecipients = [GraphMailbox.Recipient(reply.To)];
        var draft = await messages[messageId].CreateReply.PostAsync(
            new Microsoft.Graph.Users.Item.Messages.Item.CreateReply.CreateReplyPostRequestBody { Message = message }, cancellationToken: cancel);
        if (draft?.Id is not { } id) throw new MailboxUnavailableException("Graph skapade inget utkast.");
        // The headers go on the draft by a PATCH: createReply takes the message's writable properties, not its extended ones.
        if (headers.Count > 0) await messages[id].PatchAsync(new Message { SingleValueExtendedProperties = Properties(headers) }, cancellationToken: cancel);
        return new Draft(id, draft.InternetMessageId);
    }, cancel);

    public Task<Draft> CreateMailAsync(string mailbox, NewMail mail, IReadOnlyDictionary<string, string> headers, CancellationToken cancel) =>
        GraphCalls.Call(async () =>
        {
            var message = new Message
            {
                Subject = mail.Subject,
                Body = new ItemBody { ContentType = BodyType.Html, Content = mail.BodyHtml },
                ToRecipients = [GraphMailbox.Recipient(mail.To)],
            };
            if (headers.Count > 0) message.SingleValueExtendedProperties = Properties(headers);
            var draft = await graph.ForApp().Users[mailbox].Messages.PostAsync(message, cancellationToken: cancel);
            return draft?.Id is { } id ? new Draft(id, draft.InternetMessageId) : throw new MailboxUnavailableException("Graph skapade inget utkast.");
        }, cancel);

    public Task<SendOutcome> SendAsync(string mailbox, string draftId, CancellationToken cancel) => GraphCalls.Call(async () =>
    {
        var message = graph.ForApp().Users[mailbox].Messages[draftId];
        // As in the pane (GraphMailbox): an immutable id that is no longer a draft was sent; a 404 is a draft on its way.
        try
        {
            var draft = await message.GetAsync(request => request.QueryParameters.Select = ["id", "isDraft"], cancel);
            if (draft?.IsDraft == false) return SendOutcome.Sent;
        }
        catch (ApiException error) when (error.ResponseStatusCode == StatusCodes.Status404NotFound)
        {
            return SendOutcome.Confirming;
        }
        try
        {
            await message.Send.PostAsync(cancellationToken: cancel);
            return SendOutcome.Sent;
        }
        catch (ApiException error) when (error.ResponseStatusCode == StatusCodes.Status404NotFound)
        {
            return SendOutcome.Sent; // a repeat of a send whose first answer was lost
        }
    }, cancel);

    private static List<SingleValueLegacyExtendedProperty> Properties(IReadOnlyDictionary<string, string> headers) =>
        headers.Select(h => new SingleValueLegacyExtendedProperty { Id = HeaderProperty(h.Key), Value = h.Value }).ToList();
}
