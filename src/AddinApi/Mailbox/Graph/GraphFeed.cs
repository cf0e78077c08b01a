using Kontaktlofte.AddinApi.Graph;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions;

namespace Kontaktlofte.AddinApi.Mailbox.Graph;

/// <summary>
/// The watcher's feed from Microsoft Graph, as the application (client credentials; Exchange RBAC for Applications keeps
/// it to the watched mailboxes): a delta query per mailbox and folder — <c>$select</c> only what classification needs,
/// <c>Prefer: odata.maxpagesize</c>, immutable ids — followed page by page through <c>@odata.nextLink</c> to the
/// <c>@odata.deltaLink</c>, which the watcher keeps. A link Graph no longer knows (410 Gone, SyncStateNotFound) starts a
/// full round; a removed item (<c>@removed</c>) is skipped.
/// </summary>
internal sealed class GraphFeed(GraphClients graph) : IMailboxFeed
{
    public const int PageSize = 50;
    private static readonly string[] InboxFields =
        ["id", "internetMessageId", "conversationId", "from", "replyTo", "subject", "body", "receivedDateTime", "categories", "internetMessageHeaders", "webLink"];
    private static readonly string[] SentFields = ["id", "conversationId", "sentDateTime", "toRecipients"];

    public Task<FeedPage> InboxAsync(string mailbox, string? link, CancellationToken cancel) => Delta(async () =>
    {
        var page = await PageAsync(mailbox, "inbox", link, InboxFields, cancel);
        var messages = Present(page).Select(m => new FeedMessage(GraphMailbox.ToMessage(m), m.WebLink)).ToList();
        return new FeedPage(messages, page?.OdataNextLink, page?.OdataDeltaLink);
    }, cancel);

    public Task<SentPage> SentAsync(string mailbox, string? link, CancellationToken cancel) => Delta(async () =>
    {
        var page = await PageAsync(mailbox, "sentitems", link, SentFields, cancel);
        var sent = Present(page).Where(m => m.SentDateTime is not null)
            .Select(m => new SentMessageFact(m.Id!, m.ConversationId, null, m.SentDateTime!.Value,
                (m.ToRecipients ?? []).Select(r => r.EmailAddress?.Address).OfType<string>().ToList()))
            .ToList();
        return new SentPage(sent, page?.OdataNextLink, page?.OdataDeltaLink);
    }, cancel);

    /// <summary>One page of a folder's delta: the first with <c>$select</c>, a later one by the link Graph gave (it carries the select).</summary>
    private Task<Microsoft.Graph.Users.Item.MailFolders.Item.Messages.Delta.DeltaGetResponse?> PageAsync(string mailbox, string folder, string? link,
        string[] fields, CancellationToken cancel)
    {
        var delta = graph.ForApp().Users[mailbox].MailFolders[folder].Messages.Delta;
        return link is null
            ? delta.GetAsDeltaGetResponseAsync(request =>
            {
                request.QueryParameters.Select = fields;
                request.Headers.Add("Prefer", $"odata.maxpagesize={PageSize}");
            }, cancel)
            : delta.WithUrl(link).GetAsDeltaGetResponseAsync(request => request.Headers.Add("Prefer", $"odata.maxpagesize={PageSize}"), cancel);
    }

    /// <summary>The messages of a page that are still there (a removed one comes as its id and <c>@removed</c>).</summary>
    private static IEnumerable<Message> Present(Microsoft.Graph.Users.Item.MailFolders.Item.Messages.Delta.DeltaGetResponse? page) =>
        (page?.Value ?? []).Where(m => m.Id is not null && m.AdditionalData?.ContainsKey("@removed") != true);

    public Task EnsureCategoriesAsync(string mailbox, IReadOnlyList<(string Name, string Color)> categories, CancellationToken cancel) =>
        GraphCalls.Call(async () =>
        {
            var master = graph.ForApp().Users[mailbox].Outlook.MasterCategories;
            var existing = (await master.GetAsync(cancellationToken: cancel))?.Value?.Select(c => c.DisplayName).OfType<string>()
                .ToHashSet(StringComparer.OrdinalIgnoreCase) ?? [];
            foreach (var (name, color) in categories.Where(c => !existing.Contains(c.Name)))
                await master.PostAsync(new OutlookCategory { DisplayName = name, Color = Enum.Parse<CategoryColor>(color, ignoreCase: true) },
                    cancellationToken: cancel);
            return true;
        }, cancel);

    public Task SetCategoriesAsync(string mailbox, string messageId, IReadOnlyList<string> categories, CancellationToken cancel) =>
        GraphCalls.Call(async () =>
        {
            // PATCH replaces the whole list: the caller passes the official's own categories with the product's one.
            await graph.ForApp().Users[mailbox].Messages[messageId].PatchAsync(new Message { Categories = [.. categories] }, cancellationToken: cancel);
            return true;
        }, cancel);

    private static async Task<T> Delta<T>(Func<Task<T>> call, CancellationToken cancel)
    {
        try
        {
            return await GraphCalls.Call(call, cancel);
        }
        catch (MailboxRefusedException error) when (error.InnerException is ApiException { ResponseStatusCode: 410 }
                                                    || error.InnerException is Microsoft.Graph.Models.ODataErrors.ODataError { Error.Code: var code }
                                                       && string.Equals(code, "SyncStateNotFound", StringComparison.OrdinalIgnoreCase))
        {
            throw new FeedResetException("Graph känner inte längre igen länken: en hel genomgång börjar.", error);
        }
    }
}
