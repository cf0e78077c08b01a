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
/// which answers 202 without an id and cannot be de-duplicated. Inside a request the user's own token is used (MSAL's
/// cache answers after one on-behalf-of exchange); only the outbox, later, uses the long-running session.
/// </summary>
internal sealed class GraphMailbox(GraphClients graph, IHttpContextAccessor http, TimeProvider clock) : IMailbox
{
    /// <summary>The named property the product sets on a citizen's message (a MAPI string in our own namespace).</summary>
    public const string MarkProperty = "String {6f1c3a52-8e4b-4c6e-9d2a-3b5f7a1e0c44} Name Kontaktlofte";

    /// <summary>Sent Items are read a page at a time until the conversation's answers are all seen.</summary>
    private const int SentPage = 50;
    private const int SentPagesAtMost = 20;

    private GraphServiceClient Client(MailboxOwner owner)
    {
        if (http.HttpContext?.User is { Identity.IsAuthenticated: true } user
            && string.Equals(user.FindFirstValue(KontaktlofteClaims.Email), owner.Email, StringComparison.OrdinalIgnoreCase))
            return owner.Shared is { } shared ? graph.InMailbox(shared, user, null) : graph.ForUser(user);
        return owner.SessionKey is not { } session
            ? throw new MailboxSignInRequiredException("Ingen inloggning finns sparad för att skicka i bakgrunden. Öppna meddelandet och skicka igen.", null)
            : owner.Shared is { } inShared ? graph.InMailbox(inShared, null, session) : graph.ForSession(session);
    }

    public Task<MailboxOwner> OpenAsync(ClaimsPrincipal user, CancellationToken cancel) => Task.FromResult(new MailboxOwner(AddressOf(user), null));

    /// <summary>A function mailbox: Exchange says whether the user may (Full Access), with a 403 on the first call otherwise.</summary>
    public Task<MailboxOwner> OpenAsync(ClaimsPrincipal user, string? functionMailbox, CancellationToken cancel)
    {
        var own = AddressOf(user);
        return Task.FromResult(new MailboxOwner(own, null,
            SharedMailbox.Normalise(functionMailbox) is { } address && !address.Equals(own, StringComparison.OrdinalIgnoreCase) ? address : null));
    }

    /// <summary>Whose mailbox: never "" (rows of every user without an address would be one mailbox).</summary>
    private static string AddressOf(ClaimsPrincipal user) => user.FindFirstValue(KontaktlofteClaims.Email) is { Length: > 0 } address ? address
        : throw new MailboxUnavailableException("Din e-postadress kunde inte läsas från Microsoft 365.", TimeSpan.FromMinutes(1));

    public Task<MailboxOwner> OpenForLaterAsync(ClaimsPrincipal user, CancellationToken cancel) => GraphCalls.Call(async () =>
    {
        // Start (or continue) the user's long-running OBO session; its key lets the outbox act after the request.
        var start = new AuthorizationHeaderProviderOptions
        {
            AcquireTokenOptions = new AcquireTokenOptions { LongRunningWebApiSessionKey = AcquireTokenOptions.LongRunningWebApiSessionKeyAuto },
        };
        await graph.Headers.CreateAuthorizationHeaderForUserAsync(graph.Scopes, start, user, cancel);
        return new MailboxOwner(AddressOf(user), start.AcquireTokenOptions.LongRunningWebApiSessionKey);
    }, cancel);

    public Task<MailboxMessage?> GetMessageAsync(MailboxOwner owner, string id, CancellationToken cancel) => GraphCalls.Call(async () =>
    {
        try
        {
            var message = await Client(owner).Me.Messages[id].GetAsync(request => request.QueryParameters.Select =
                ["id", "internetMessageId", "conversationId", "from", "replyTo", "toRecipients", "subject", "body", "receivedDateTime", "categories",
                    "internetMessageHeaders"],
                cancel);
            return message is null ? null : ToMessage(message);
        }
        catch (ApiException error) when (error.ResponseStatusCode is StatusCodes.Status404NotFound or StatusCodes.Status400BadRequest)
        {
            return null; // not in this mailbox, or not an id Graph can read (ErrorInvalidIdMalformed)
        }
    }, cancel);

    /// <summary>Graph's message as the rules need it (also the watcher's feed).</summary>
    internal static MailboxMessage ToMessage(Message message) => new(
        message.Id!, message.InternetMessageId, message.ConversationId,
        new MailAddress(message.From?.EmailAddress?.Name, message.From?.EmailAddress?.Address),
        message.Subject ?? "",
        message.Body?.ContentType == BodyType.Html ? message.Body.Content : null,
        message.Body?.ContentType == BodyType.Text ? message.Body.Content : null,
        message.ReceivedDateTime ?? DateTimeOffset.MinValue,
        HeadersOf(message),
        message.Categories ?? [])
    {
        ReplyTo = (message.ReplyTo ?? []).Where(r => r.EmailAddress?.Address is not null)
            .Select(r => new MailAddress(r.EmailAddress!.Name, r.EmailAddress.Address)).ToList(),
        To = (message.ToRecipients ?? []).Where(r => r.EmailAddress?.Address is not null)
            .Select(r => new MailAddress(r.EmailAddress!.Name, r.EmailAddress.Address)).ToList(),
    };

    /// <summary>The value of <c>Content-Class</c> that Exchange writes on meeting mail: invitations, responses, cancellations.</summary>
    public const string CalendarMessage = "urn:content-classes:calendarmessage";

    /// <summary>
    /// The internet headers, and for meeting mail the <c>Content-Class</c> Exchange itself gives it. Graph serves meeting
    /// mail as <c>eventMessage</c> (<c>@odata.type</c> #microsoft.graph.eventMessage, eventMessageRequest,
    /// eventMessageResponse), and its internetMessageHeaders may not say so — mail that never left the tenant comes with
    /// few headers or none — so the type is the sure sign; the classifier already reads the header as automatic mail.
    /// </summary>
    private static Dictionary<string, string> HeadersOf(Message message)
    {
        var headers = (message.InternetMessageHeaders ?? []).Where(h => h.Name is not null)
            .GroupBy(h => h.Name!, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().Value ?? "", StringComparer.OrdinalIgnoreCase);
        if (message is EventMessage) headers["Content-Class"] = CalendarMessage;
        return headers;
    }

    public Task<string> CreateReplyDraftAsync(MailboxOwner owner, string messageId, ReplyDraft reply, CancellationToken cancel) => GraphCalls.Call(async () =>
    {
        // createReply takes the draft's writable properties with it, so subject and body are set in the one call (never
        // together with a comment: Graph answers 400). Our body replaces the quote Graph would have made, so the original
        // is quoted here. Threading comes from the headers it sets (In-Reply-To, References), not from the subject.
        var message = new Message
        {
            Body = new ItemBody { ContentType = BodyType.Html, Content = reply.Quoting is { } original ? reply.BodyHtml + ReplyQuote.Html(original, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)) : reply.BodyHtml },
        };
        // Only what has a value is set: the SDK's backing store writes a property set to null twice (kiota-dotnet#535).
        if (reply.Subject is not null) message.Subject = reply.Subject;
        // Graph answers the sender; a web form's Reply-To or a forwarded message's citizen is named here instead.
        if (reply.To is { Address: not null }) message.ToRecipients = [Recipient(reply.To)];
        var draft = await Client(owner).Me.Messages[messageId].CreateReply.PostAsync(new CreateReplyPostRequestBody { Message = message },
            cancellationToken: cancel);
        return draft?.Id ?? throw new MailboxUnavailableException("Graph skapade inget utkast.");
    }, cancel);

    public Task<Draft> CreateForwardDraftAsync(MailboxOwner owner, string messageId, MailAddress recipient, string commentHtml, CancellationToken cancel) =>
        GraphCalls.Call(async () =>
        {
            // createForward with a comment: Exchange writes the comment above the original, its header block and its
            // attachments, as Outlook does. The draft's internetMessageId is the one the colleague's copy will carry.
            var draft = await Client(owner).Me.Messages[messageId].CreateForward.PostAsync(new Microsoft.Graph.Me.Messages.Item.CreateForward.CreateForwardPostRequestBody
            {
                Comment = commentHtml,
                ToRecipients = [Recipient(recipient)],
            }, cancellationToken: cancel);
            return draft?.Id is { } id ? new Draft(id, draft.InternetMessageId) : throw new MailboxUnavailableException("Graph skapade inget utkast.");
        }, cancel);

    /// <summary>A recipient as Graph takes it; a name only when there is one (a null would be written twice, kiota-dotnet#535).</summary>
    internal static Recipient Recipient(Mail.MailAddress address)
    {
        var email = new EmailAddress { Address = address.Address };
        if (!string.IsNullOrWhiteSpace(address.Name)) email.Name = address.Name;
        return new Recipient { EmailAddress = email };
    }

    public Task<SendOutcome> SendDraftAsync(MailboxOwner owner, string draftId, CancellationToken cancel) => GraphCalls.Call(async () =>
    {
        var client = Client(owner);
        // An immutable id survives the move to Sent Items: a draft that is no longer a draft was sent already. While
        // Exchange moves it (sending is asynchronous) the id answers 404 for a while — or for good, if the official deleted
        // the draft: which of the two only a later look can tell (Confirming).
        try
        {
            var draft = await client.Me.Messages[draftId].GetAsync(request => request.QueryParameters.Select = ["id", "isDraft"], cancel);
            if (draft?.IsDraft == false) return SendOutcome.Sent;
        }
        catch (ApiException error) when (error.ResponseStatusCode == StatusCodes.Status404NotFound)
        {
            return SendOutcome.Confirming;
        }
        try
        {
            await client.Me.Messages[draftId].Send.PostAsync(cancellationToken: cancel);
            return SendOutcome.Sent;
        }
        catch (ApiException error) when (error.ResponseStatusCode == StatusCodes.Status404NotFound)
        {
            // The SDK repeated a send whose first answer was lost (a 503 or 504 after Exchange had taken it): this very call
            // asked Exchange to send the draft, and it has left the drafts.
            return SendOutcome.Sent;
        }
    }, cancel);

    public Task MarkAsync(MailboxOwner owner, MailboxMessage message, MessageMark mark, CancellationToken cancel) => GraphCalls.Call(async () =>
    {
        var patch = new Message { Categories = mark.Apply(message.Categories) };
        // Set only what has a value (kiota-dotnet#535): a registration's category leaves the acknowledgement's property alone.
        if (mark.PropertyValue is not null)
            patch.SingleValueExtendedProperties = [new SingleValueLegacyExtendedProperty { Id = MarkProperty, Value = mark.PropertyValue }];
        await Client(owner).Me.Messages[message.Id].PatchAsync(patch, cancellationToken: cancel);
        return true;
    }, cancel);

    public Task<IReadOnlyList<string>> AttachmentNamesAsync(MailboxOwner owner, string id, CancellationToken cancel) => GraphCalls.Call(async () =>
    {
        // Names only (never the content); inline images are part of the body, not attachments of the record.
        var page = await Client(owner).Me.Messages[id].Attachments.GetAsync(request =>
        {
            request.QueryParameters.Select = ["name", "isInline"];
            request.QueryParameters.Top = 100;
        }, cancel);
        return (IReadOnlyList<string>)(page?.Value ?? []).Where(a => a.IsInline != true && !string.IsNullOrWhiteSpace(a.Name)).Select(a => a.Name!).ToList();
    }, cancel);

    public Task<DateTimeOffset?> AnsweredAtAsync(MailboxOwner owner, MailboxMessage message, IReadOnlyCollection<string> ownReceipts,
        string? answeredTo, CancellationToken cancel) => GraphCalls.Call(async () =>
    {
        if (message.ConversationId is null) return (DateTimeOffset?)null;
        var client = Client(owner);
        var page = await client.Me.MailFolders["sentitems"].Messages.GetAsync(request =>
        {
            request.QueryParameters.Filter = $"conversationId eq '{message.ConversationId.Replace("'", "''", StringComparison.Ordinal)}'";
            request.QueryParameters.Select = ["id", "sentDateTime", "toRecipients"];
            request.QueryParameters.Top = SentPage;
        }, cancel);
        DateTimeOffset? first = null;
        for (var pages = 1; page is not null; pages++)
        {
            var answered = (page.Value ?? [])
                .Where(m => m.Id is not null && !ownReceipts.Contains(m.Id) && m.SentDateTime >= message.ReceivedAt)
                .Where(m => answeredTo is null || (m.ToRecipients ?? []).Any(r => string.Equals(r.EmailAddress?.Address, answeredTo, StringComparison.OrdinalIgnoreCase)))
                .Select(m => m.SentDateTime).Min();
            if (answered < first || first is null) first = answered;
            // A long conversation: the next page, as Graph links it (the whole @odata.nextLink, never rebuilt).
            if (page.OdataNextLink is not { } next || pages >= SentPagesAtMost) break;
            page = await client.Me.MailFolders["sentitems"].Messages.WithUrl(next).GetAsync(cancellationToken: cancel);
        }
        return first;
    }, cancel);
}
