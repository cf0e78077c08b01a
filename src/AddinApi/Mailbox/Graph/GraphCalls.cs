using Microsoft.Identity.Client;
using Microsoft.Kiota.Abstractions;

namespace Kontaktlofte.AddinApi.Mailbox.Graph;

/// <summary>
/// What a Graph call's failure means for the product: throttling, server errors, timeouts and lost connections pass
/// (<see cref="MailboxUnavailableException"/>: the outbox tries again, a request answers 503); a refusal does not
/// (<see cref="MailboxRefusedException"/>: access denied, a request Graph will never take, the user's session gone).
/// </summary>
internal static class GraphCalls
{
    public static async Task<T> Call<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (ApiException error) when (error.ResponseStatusCode is 408 or 429 or >= 500)
        {
            throw new MailboxUnavailableException($"Microsoft Graph svarade {error.ResponseStatusCode}.", RetryAfter(error), error);
        }
        catch (ApiException error) when (error.ResponseStatusCode is 401 or 403)
        {
            throw new MailboxRefusedException($"Microsoft Graph nekade åtkomst ({error.ResponseStatusCode}). Be IT kontrollera appens behörigheter.", error);
        }
        catch (ApiException error) when (error.ResponseStatusCode is >= 400 and < 500)
        {
            throw new MailboxRefusedException($"Microsoft Graph avvisade begäran ({error.ResponseStatusCode}).", error);
        }
        catch (HttpRequestException error)
        {
            throw new MailboxUnavailableException("Microsoft Graph gick inte att nå.", null, error);
        }
        catch (TaskCanceledException error) when (error.InnerException is TimeoutException)
        {
            throw new MailboxUnavailableException("Microsoft Graph svarade inte i tid.", null, error);
        }
        catch (MsalServiceException error) when (error.StatusCode is 429 or >= 500)
        {
            throw new MailboxUnavailableException("Inloggningstjänsten svarade inte.", null, error);
        }
        catch (MsalException error)
        {
            // A long-running session lost (a restart with an in-memory token cache) or consent withdrawn: only the user can mend it.
            throw new MailboxRefusedException("Inloggningen som behövs för att skicka har gått ut. Öppna meddelandet och skicka igen.", error);
        }
    }

    private static TimeSpan? RetryAfter(ApiException error) =>
        error.ResponseHeaders.TryGetValue("Retry-After", out var values) && int.TryParse(values.FirstOrDefault(), out var seconds)
            ? TimeSpan.FromSeconds(seconds) : null;
}
