using System.Globalization;
using System.Net;
using Kontaktlofte.AddinApi.Graph;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;

namespace Kontaktlofte.AddinApi.Mailbox.Graph;

/// <summary>
/// The watcher's feed from Microsoft Graph, as the application (client credentials; Exchange RBAC for Applications keeps
/// it to the watched mailboxes): a delta query per mailbox and folder — <c>$select</c> only what classification needs,
/// <c>Prefer: odata.maxpagesize</c>, immutable ids — followed page by page through <c>@odata.nextLink</c> to the
/// <c>@odata.deltaLink</c>, which the watcher keeps. A link Graph no longer knows (410 Gone, SyncStateNotFound) starts a
/// full round; a removed item (<c>@removed</c>) is skipped. Categories are written in <c>$batch</c>es of 20.
/// </summary>
internal sealed class GraphFeed(GraphClients graph, IOptions<GraphOptions> options, ILogger<GraphFeed> log) : IMailboxFeed
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

    /// <summary>
    /// The category PATCHes as Graph JSON batches, which the SDK's collection splits 20 to a request (Graph's limit). Each
    /// inner request is answered on its own inside the outer 200, which is all the SDK's retry handler sees: a throttled
    /// one (429, 503, 504) is sent again here, the throttled only, after their longest Retry-After — as the retry handler
    /// does for a single call, at most Graph:MaxRetries times and only while the wait fits in Graph:MaxRetryWait; past that
    /// it waits for the watcher's next round. A 404 (deleted, or moved to another mailbox) is not written. A 403 is the
    /// mailbox outside the application's scope (RBAC for Applications grants whole mailboxes): the delta query's refusal.
    /// </summary>
    public Task<IReadOnlyList<string>> SetCategoriesAsync(string mailbox, IReadOnlyList<CategoryWrite> changes, CancellationToken cancel) =>
        GraphCalls.Call<IReadOnlyList<string>>(async () =>
        {
            var client = graph.ForApp();
            var written = new List<string>();
            // The step ids are the changes' places, kept when the throttled are sent again: NewBatchWithFailedRequests would
            // re-add them under new GUIDs (and every other failure with them, 404s included).
            var pending = Enumerable.Range(0, changes.Count).ToList();
            for (var retries = 0; pending.Count > 0; retries++)
            {
                var batch = new BatchRequestContentCollection(client);
                foreach (var i in pending)
                    await batch.AddBatchRequestStepAsync(PatchCategories(client, mailbox, changes[i]), i.ToString(CultureInfo.InvariantCulture));
                // The batches go one after another; an outer failure (Graph away past the retry handler) throws, and what the
                // earlier batches wrote is written again next round: a PATCH of the same list changes nothing.
                var responses = await client.Batch.PostAsync(batch, cancel);
                var throttled = new List<int>();
                var wait = TimeSpan.Zero;
                foreach (var (id, status) in await responses.GetResponsesStatusCodesAsync())
                {
                    var change = int.Parse(id, CultureInfo.InvariantCulture);
                    if (BatchResponseContent.IsSuccessStatusCode(status))
                    {
                        written.Add(changes[change].MessageId);
                        continue;
                    }
                    using var response = await responses.GetResponseByIdAsync(id);
                    if (status is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout)
                    {
                        throttled.Add(change);
                        // Without Retry-After, the retry handler's own back-off: 1, 2, 4 s.
                        var after = GraphExtensions.RetryAfter(response.Headers) ?? TimeSpan.FromSeconds(Math.Pow(2, retries));
                        if (after > wait) wait = after;
                    }
                    else if (status is HttpStatusCode.Forbidden)
                        throw await RefusalAsync(response, cancel);
                    else if (status is not HttpStatusCode.NotFound)
                        log.LogWarning("Kategorin kunde inte sättas på ett meddelande i {Mailbox}: Graph svarade {Status}", mailbox, (int)status);
                }
                if (throttled.Count > 0 && (retries >= options.Value.MaxRetries || wait > options.Value.MaxRetryWait)) break;
                if (throttled.Count > 0) await Task.Delay(wait, cancel);
                pending = throttled;
            }
            return written;
        }, cancel);

    /// <summary>PATCH replaces the whole list: the change holds the official's own categories with the product's one.</summary>
    private static RequestInformation PatchCategories(GraphServiceClient client, string mailbox, CategoryWrite change)
    {
        var request = client.Users[mailbox].Messages[change.MessageId].ToPatchRequestInformation(new Message { Categories = [.. change.Categories] });
        // The batch's own headers do not reach the requests inside it.
        request.Headers.Add("Prefer", GraphHeadersHandler.ImmutableIds);
        return request;
    }

    /// <summary>An inner request's refusal as the SDK throws it for a single call (so <see cref="GraphCalls"/> maps it alike).</summary>
    private static async Task<ApiException> RefusalAsync(HttpResponseMessage response, CancellationToken cancel)
    {
        var body = await response.Content.ReadAsStringAsync(cancel);
        var error = body.Length > 0 ? await KiotaJsonSerializer.DeserializeAsync(body, ODataError.CreateFromDiscriminatorValue, cancel) : null;
        error ??= new ODataError();
        error.ResponseStatusCode = (int)response.StatusCode;
        return error;
    }

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
