using System.Security.Claims;
using Kontaktlofte.AddinApi.Auth;
using Kontaktlofte.AddinApi.Graph;
using Kontaktlofte.AddinApi.Mail;
using Microsoft.Graph.Me.Messages.Item.CreateReply;
using Microsoft.Graph.Models;
using Microsoft.Graph;
using Microsoft.Identity.Abstractions;
using Microsoft.Kiota.Abstractions;

namespace Kontaktlofte.AddinApi.Mailbox.Graph;

/// <summary>
/// The mailbox in production: Microsoft Graph on behalf of the signed-in official, immutable ids throughout.
/// A reply is <c>createReply</c> (the draft's id kept by the outbox) then <c>send</c> — never <c>sendMail</c>,
/// which answers 202 without an id and cannot be de-duplicated.
/// </summary>
internal sealed class GraphMailbox(GraphClients graph) : IMailbox
{
    /// <summary>The named property the product sets on a citizen's message (a MAPI string in our own namespace).</summary>
    public const string MarkProperty = "String {6f1c3a52-8e4b-4c6e-9d2a-3b5f7a1e0c44} Name Kontaktlofte";

    private GraphServiceClient Client(MailboxOwner owner) => graph.For(owner.SessionKey);

    public async Task<MailboxOwner> OpenAsync(ClaimsPrincipal user, CancellationToken cancel)
    {
        // Start (or continue) the user's long-running OBO session; its key lets the outbox act later.
        var start = new AuthorizationHeaderProviderOptions
        {
            AcquireTokenOptions = new AcquireTokenOptions { LongRunningWebApiSessionKey = AcquireTokenOptions.LongRunningWebApiSessionKeyAuto },
        };
        await graph.Headers.CreateAuthorizationHeaderForUserAsync(graph.Scopes, start, user, cancel);
        return new MailboxOwner(user.FindFirstValue(KontaktlofteClaims.Email) ?? "", start.AcquireTokenOptions.LongRunningWebApiSessionKey);
    }

    public Task<MailboxMessage?> GetMessageAsync(MailboxOwner owner, string id, CancellationToken cancel) => GraphCalls.Call(async () =>
    {
        try
        {
            var message = await Client(owner).Me.Messages[id].GetAsync(request => request.QueryParameters.Select =
                ["id", "internetMessageId", "conversationId", "from", "subject", "body", "receivedDateTime", "categories", "internetMessageHeaders"],
                cancel);
            return message is null ? null : ToMessage(message);
        }
        catch (ApiException error) when (error.ResponseStatusCode is StatusCodes.Status404NotFound or StatusCodes.Status400BadRequest)
        {
            return null; // not in this mailbox, or not an id Graph can read (ErrorInvalidIdMalformed)
        }
    });

    private static MailboxMessage ToMessage(Message message) => new(
        message.Id!, message.InternetMessageId, message.ConversationId,
        new MailAddress(message.From?.EmailAddress?.Name, message.From?.EmailAddress?.Address),
        message.Subject ?? "",
        message.Body?.ContentType == BodyType.Html ? message.Body.Content : null,
        message.Body?.ContentType == BodyType.Text ? message.Body.Content : null,
        message.ReceivedDateTime ?? DateTimeOffset.MinValue,
        (message.InternetMessageHeaders ?? []).Where(h => h.Name is not null)
            .GroupBy(h => h.Name!, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().Value ?? "", StringComparer.OrdinalIgnoreCase),
        message.Categories ?? []);

    public Task<string> CreateReplyDraftAsync(MailboxOwner owner, string messageId, ReplyDraft reply, CancellationToken cancel) => GraphCalls.Call(async () =>
    {
        // createReply takes the draft's writable properties with it, so subject and body are set in the one call;
        // threading comes from the headers it sets (In-Reply-To, References), not from the subject.
        var draft = await Client(owner).Me.Messages[messageId].CreateReply.PostAsync(new CreateReplyPostRequestBody
        {
            Message = new Message
            {
                Subject = reply.Subject,
                Body = new ItemBody { ContentType = BodyType.Html, Content = reply.BodyHtml },
                // A forwarded message is answered to the citizen who wrote it, not to the colleague who forwarded it.
                ToRecipients = reply.To is { Address: { } to } ? [new Recipient { EmailAddress = new EmailAddress { Name = reply.To.Name, Address = to } }] : null,
            },
        }, cancellationToken: cancel);
        return draft?.Id ?? throw new MailboxUnavailableException("Graph skapade inget utkast.");
    });

    public Task SendDraftAsync(MailboxOwner owner, string draftId, CancellationToken cancel) => GraphCalls.Call(async () =>
    {
        var client = Client(owner);
        // An immutable id survives the move to Sent Items: a draft that is no longer a draft was sent already.
        var draft = await client.Me.Messages[draftId].GetAsync(request => request.QueryParameters.Select = ["id", "isDraft"], cancel);
        if (draft?.IsDraft == false) return true;
        await client.Me.Messages[draftId].Send.PostAsync(cancellationToken: cancel);
        return true;
    });

    public Task MarkAsync(MailboxOwner owner, MailboxMessage message, MessageMark mark, CancellationToken cancel) => GraphCalls.Call(async () =>
    {
        await Client(owner).Me.Messages[message.Id].PatchAsync(new Message
        {
            Categories = message.Categories.Where(c => c != mark.Category).Append(mark.Category).ToList(),
            SingleValueExtendedProperties = [new SingleValueLegacyExtendedProperty { Id = MarkProperty, Value = mark.PropertyValue }],
        }, cancellationToken: cancel);
        return true;
    });

    public Task<DateTimeOffset?> AnsweredAtAsync(MailboxOwner owner, MailboxMessage message, IReadOnlyCollection<string> ownReceipts,
        string? answeredTo, CancellationToken cancel) => GraphCalls.Call(async () =>
    {
        if (message.ConversationId is null) return (DateTimeOffset?)null;
        var sent = await Client(owner).Me.MailFolders["sentitems"].Messages.GetAsync(request =>
        {
            request.QueryParameters.Filter = $"conversationId eq '{message.ConversationId.Replace("'", "''", StringComparison.Ordinal)}'";
            request.QueryParameters.Select = ["id", "sentDateTime", "toRecipients"];
            request.QueryParameters.Top = 50;
        }, cancel);
        return (sent?.Value ?? [])
            .Where(m => m.Id is not null && !ownReceipts.Contains(m.Id) && m.SentDateTime >= message.ReceivedAt)
            .Where(m => answeredTo is null || (m.ToRecipients ?? []).Any(r => string.Equals(r.EmailAddress?.Address, answeredTo, StringComparison.OrdinalIgnoreCase)))
            .Select(m => m.SentDateTime).Min();
    });

}
