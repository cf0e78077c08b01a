using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Kontaktlofte.AddinApi.Tests.Mailbox.Graph;

/// <summary>
/// The sends the product makes besides a receipt: a forward from the pane (a hand-over: createForward with a comment and
/// recipients), and the application's own mail in a watched mailbox (an automatic receipt by createReply, a digest as a new
/// draft), each then sent. As strict as Graph: a mailbox outside the app's scope answers 403, a message of another mailbox
/// 404, and a header that is not an <c>x-</c> header cannot be set through <c>internetMessageHeaders</c>.
/// </summary>
public sealed partial class FakeGraph
{
    /// <summary>The Internet headers a sent draft carries: its x- headers, and the PS_INTERNET_HEADERS properties Exchange writes out.</summary>
    public Dictionary<string, string> HeadersOf(string draftId)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in (_messages[draftId]["singleValueExtendedProperties"] as JsonArray ?? []).OfType<JsonObject>())
            if (property["id"]?.GetValue<string>() is { } id && id.StartsWith("String {00020386-0000-0000-C000-000000000046} Name ", StringComparison.OrdinalIgnoreCase))
                headers[id[(id.LastIndexOf(" Name ", StringComparison.Ordinal) + 6)..]] = property["value"]?.GetValue<string>() ?? "";
        return headers;
    }

    /// <summary>The drafts made in a mailbox, newest last.</summary>
    public List<JsonObject> DraftsIn(string mailbox) =>
        _messages.Where(m => _mailboxOf.GetValueOrDefault(m.Key) == mailbox && m.Key.StartsWith("AAMkADraft", StringComparison.Ordinal))
            .OrderBy(m => int.Parse(m.Key[10..^1], System.Globalization.CultureInfo.InvariantCulture)).Select(m => m.Value).ToList();

    private void MapApplicationSends()
    {
        _app.MapPost("/v1.0/me/messages/{id}/createForward", async (string id, HttpContext context) =>
        {
            if (Find(id) is not { } original) return NotFound();
            var request = await JsonNode.ParseAsync(context.Request.Body) as JsonObject ?? [];
            string[] parameters = ["comment", "toRecipients", "message"];
            if (request.Any(p => !parameters.Contains(p.Key, StringComparer.OrdinalIgnoreCase)))
                return Error(400, "RequestBodyRead", "The parameter in the request payload is not a valid parameter for the operation 'createForward'.");
            // Action parameters in any case, as the SDK writes them ("Comment", "ToRecipients").
            JsonNode? Param(string name) => request.FirstOrDefault(p => p.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;
            var comment = Param("comment")?.GetValue<string>();
            if (comment is not null && Param("message")?["body"] is not null)
                return Error(400, "ErrorInvalidRequest", "Specify either a comment or the body property of the message parameter, not both.");
            var draftId = $"AAMkADraft{Interlocked.Increment(ref _drafts)}=";
            // Exchange writes the comment above the original's header block and body; the attachments come along.
            var draft = new JsonObject
            {
                ["id"] = draftId,
                ["subject"] = "VB: " + original["subject"],
                ["isDraft"] = true,
                ["internetMessageId"] = $"<{draftId.TrimEnd('=')}@botkyrka.se>",
                ["conversationId"] = original["conversationId"]?.GetValue<string>(),
                ["body"] = new JsonObject
                {
                    ["contentType"] = "html",
                    ["content"] = (comment ?? "") + $"<hr><div><b>Från:</b> {original["from"]?["emailAddress"]?["name"]} &lt;{original["from"]?["emailAddress"]?["address"]}&gt;<br>" +
                                  $"<b>Skickat:</b> {original["receivedDateTime"]}<br><b>Ämne:</b> {original["subject"]}</div>{original["body"]?["content"]}",
                },
                ["toRecipients"] = Param("toRecipients")?.DeepClone() ?? new JsonArray(),
            };
            if (original["attachments"] is JsonArray attachments)
            {
                draft["attachments"] = attachments.DeepClone();
                draft["hasAttachments"] = attachments.Count > 0;
            }
            _messages[draftId] = draft;
            _mailboxOf[draftId] = "me";
            return Results.Json(draft, statusCode: StatusCodes.Status201Created);
        });

        _app.MapPost("/v1.0/users/{mailbox}/messages/{id}/createReply", async (string mailbox, string id, HttpContext context) =>
            OutOfScope.ContainsKey(mailbox) ? OutOfScopeError()
            : InMailbox(mailbox, id) is { } original ? await CreateReplyAsync(original, mailbox, context) : NotFound());

        _app.MapPost("/v1.0/users/{mailbox}/messages", (string mailbox, JsonObject message) =>
        {
            if (OutOfScope.ContainsKey(mailbox)) return OutOfScopeError();
            // Graph: "you can only add custom headers that start with x-" (internetMessageHeaders on create).
            if ((message["internetMessageHeaders"] as JsonArray ?? []).OfType<JsonObject>()
                .Any(h => h["name"]?.GetValue<string>() is not { } name || !name.StartsWith("x-", StringComparison.OrdinalIgnoreCase)))
                return Error(400, "InvalidInternetMessageHeader", "The internet message header name should start with 'x-' or 'X-'.");
            var draftId = $"AAMkADraft{Interlocked.Increment(ref _drafts)}=";
            var draft = (JsonObject)message.DeepClone();
            draft["id"] = draftId;
            draft["isDraft"] = true;
            draft["internetMessageId"] = $"<{draftId.TrimEnd('=')}@botkyrka.se>";
            _messages[draftId] = draft;
            _mailboxOf[draftId] = mailbox;
            return Results.Json(draft, statusCode: StatusCodes.Status201Created);
        });

        _app.MapGet("/v1.0/users/{mailbox}/messages/{id}", (string mailbox, string id) =>
            OutOfScope.ContainsKey(mailbox) ? OutOfScopeError() : InMailbox(mailbox, id) is { } message ? Results.Json(message) : NotFound());

        _app.MapPost("/v1.0/users/{mailbox}/messages/{id}/send", (string mailbox, string id, HttpContext context) =>
            OutOfScope.ContainsKey(mailbox) ? Task.FromResult(OutOfScopeError()) : InMailbox(mailbox, id) is null ? Task.FromResult(NotFound()) : SendAsync(id, context));
    }

    private JsonObject? InMailbox(string mailbox, string id) =>
        Find(id) is { } message && _mailboxOf.GetValueOrDefault(id, "").Equals(mailbox, StringComparison.OrdinalIgnoreCase) ? message : null;
}
