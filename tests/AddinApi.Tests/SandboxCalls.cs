using System.Net.Http.Json;
using System.Text.Json;

namespace Kontaktlofte.AddinApi.Tests;

/// <summary>Calls the tests make of the sandbox API again and again.</summary>
public static class SandboxCalls
{
    /// <summary>The id of the seeded sandbox message with this subject.</summary>
    public static async Task<string> MessageIdAsync(this HttpClient client, string subject) =>
        (await client.GetFromJsonAsync<List<JsonElement>>("/api/sandbox/messages"))!
            .First(m => m.GetProperty("subject").GetString() == subject).GetProperty("id").GetString()!;

    /// <summary>
    /// What the sandbox has sent in reply to one message, newest first: receipts and answers. The seed's own sent mail (the
    /// receipts and answers other mailboxes start with) is not the test's.
    /// </summary>
    public static async Task<List<JsonElement>> SentForAsync(this HttpClient client, string messageId) =>
        (await client.GetFromJsonAsync<List<JsonElement>>("/api/sandbox/sent"))!
            .Where(s => s.GetProperty("inReplyTo").GetString() == messageId).ToList();

    /// <summary>A POST of JSON with an <c>Idempotency-Key</c> (none when <paramref name="key"/> is null).</summary>
    public static Task<HttpResponseMessage> PostOnceAsync(this HttpClient client, string path, object body, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }
}
