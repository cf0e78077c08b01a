using System.Net;
using System.Text.Json;

namespace Kontaktlofte.AddinApi.Registry.Lex;

/// <summary>What a failed answer from Lex means: wait (the outbox tries again) or refuse (the registrar must act).</summary>
internal static class LexAnswers
{
    private const int DetailAtMost = 200;

    public static Exception Failure(RegistryOrder order, HttpResponseMessage response, string body, DateTimeOffset now, int sequenceDigits)
    {
        var status = (int)response.StatusCode;
        var detail = Detail(body) is { } said ? $" Lex: {said}" : "";
        return response.StatusCode switch
        {
            HttpStatusCode.NotFound when order.Case is { } number => new RegistryRefusedException(
                $"Ärendet {number.Format(sequenceDigits)} finns inte i Lex. Kontrollera diarienumret eller registrera i ett nytt ärende.{detail}"),
            HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests or >= HttpStatusCode.InternalServerError => new RegistryUnavailableException(
                $"Lex kan inte ta emot registreringar just nu ({status}); registreringen väntar på Lex.{detail}", RetryAfter(response, now)),
            // A wrong or expired API key is ours to mend: the registration waits rather than being refused for good.
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new RegistryUnavailableException(
                $"Lex godtog inte Kontaktlöftes API-nyckel ({status}); kontrollera Registry:LexHttp:ApiKey. Registreringen väntar på Lex.{detail}",
                RetryAfter(response, now)),
            >= HttpStatusCode.BadRequest => new RegistryRefusedException($"Lex tog inte emot registreringen ({status}).{detail}"),
            _ => new RegistryUnavailableException($"Lex svarade oväntat ({status}); försöker igen.", RetryAfter(response, now)),
        };
    }

    /// <summary>Retry-After in seconds or as a date; null when Lex named none.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date > now ? date - now : TimeSpan.Zero,
        _ => null,
    };

    /// <summary>A problem's <c>detail</c> (else its <c>title</c>), on one line and shortened: it is shown to the registrar.</summary>
    public static string? Detail(string body)
    {
        if (string.IsNullOrWhiteSpace(body)) return null;
        try
        {
            using var problem = JsonDocument.Parse(body);
            if (problem.RootElement.ValueKind != JsonValueKind.Object) return null;
            var text = problem.RootElement.TryGetProperty("detail", out var detail) && detail.ValueKind == JsonValueKind.String ? detail.GetString()
                : problem.RootElement.TryGetProperty("title", out var title) && title.ValueKind == JsonValueKind.String ? title.GetString() : null;
            if (string.IsNullOrWhiteSpace(text)) return null;
            text = string.Join(' ', text.Split((char[])[' ', '\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries));
            return text.Length <= DetailAtMost ? text : text[..DetailAtMost] + "…";
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
