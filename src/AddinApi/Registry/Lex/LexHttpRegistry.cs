using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Kontaktlofte.AddinApi.Registry.Lex;

/// <summary>
/// Lex over HTTP: <c>POST registrations</c> with the order as JSON and its id as Idempotency-Key (the outbox retries; Lex
/// registers once), <c>GET cases/{number}</c> for whether a case exists. No retries here: a registry away for now throws
/// <see cref="RegistryUnavailableException"/> and the outbox tries again with its back-off; a refusal is for good.
/// </summary>
internal sealed class LexHttpRegistry(HttpClient http, IOptions<RegistryOptions> options, TimeProvider clock) : IRegistry
{
    public const string AdapterName = "LexHttp";
    public const string HttpClientName = "Lex";

    public string Name => AdapterName;

    public async Task<RegistryAnswer> RegisterAsync(RegistryOrder order, IRegistryMemo memo, CancellationToken cancel)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "registrations")
        {
            Content = JsonContent.Create(LexRegistrationRequest.Of(order, options.Value.SequenceDigits), options: LexJson.Options),
        };
        request.Headers.Add("Idempotency-Key", order.Id.ToString());
        using var response = await SendAsync(request, cancel);
        var body = await response.Content.ReadAsStringAsync(cancel);
        if (response.IsSuccessStatusCode) return Answer(response.StatusCode, body);
        throw LexAnswers.Failure(order, response, body, clock.GetUtcNow(), options.Value.SequenceDigits);
    }

    public async Task<bool?> CaseExistsAsync(CaseNumber number, CancellationToken cancel)
    {
        try
        {
            // One path segment: the number's "/" percent-encoded (KS%2F2026%3A00017).
            using var request = new HttpRequestMessage(HttpMethod.Get, "cases/" + Uri.EscapeDataString(number.Format(options.Value.SequenceDigits)));
            using var response = await SendAsync(request, cancel);
            return response.StatusCode switch
            {
                HttpStatusCode.OK => true,
                HttpStatusCode.NotFound => false,
                _ => null,
            };
        }
        catch (RegistryUnavailableException)
        {
            return null; // Lex cannot tell now: the registrar's number is checked again when the registration is sent
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancel)
    {
        try
        {
            return await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancel);
        }
        catch (OperationCanceledException error) when (!cancel.IsCancellationRequested)
        {
            throw new RegistryUnavailableException($"Lex svarade inte inom {options.Value.LexHttp.Timeout.TotalSeconds:0.#} sekunder; registreringen väntar på Lex.",
                null, error);
        }
        catch (HttpRequestException error)
        {
            throw new RegistryUnavailableException($"Lex gick inte att nå ({error.HttpRequestError}); registreringen väntar på Lex.", null, error);
        }
    }

    private static RegistryAnswer Answer(HttpStatusCode status, string body)
    {
        LexRegistrationAnswer? answer;
        try
        {
            answer = JsonSerializer.Deserialize<LexRegistrationAnswer>(body, LexJson.Options);
        }
        catch (JsonException unreadable)
        {
            throw new RegistryUnavailableException($"Lex svarade {(int)status} men svaret gick inte att läsa; försöker igen.", null, unreadable);
        }
        if (answer is null || answer.DocumentNumber < 1)
            throw new RegistryUnavailableException($"Lex svarade {(int)status} utan diarienummer och handlingsnummer; försöker igen.");
        if (!CaseNumber.TryParse(answer.CaseNumber, out var number, out var error))
            throw new RegistryUnavailableException($"Lex svarade {(int)status} med ett diarienummer som inte går att läsa. {error} Försöker igen.");
        return new RegistryAnswer(RegistryOutcome.Registered, number, answer.DocumentNumber, answer.RegisteredAt);
    }
}
