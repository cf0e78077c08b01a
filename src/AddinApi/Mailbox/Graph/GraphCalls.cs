using System.Text;
using Kontaktlofte.AddinApi.Graph;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Identity.Client;
using Microsoft.Identity.Web;
using Microsoft.Kiota.Abstractions;

namespace Kontaktlofte.AddinApi.Mailbox.Graph;

/// <summary>
/// What a Graph call's failure means for the product. Throttling, server errors, timeouts and lost connections pass
/// (<see cref="MailboxUnavailableException"/>: the outbox tries again, a request answers 503 with Retry-After). A refusal
/// does not (<see cref="MailboxRefusedException"/> and its kinds): access denied (a shared or delegated mailbox), the
/// user must sign in again or satisfy Conditional Access (a claims challenge for the add-in), consent missing, the
/// background session gone, a request Graph will never take. The caller's own cancellation stays a cancellation.
/// </summary>
internal static class GraphCalls
{
    public static async Task<T> Call<T>(Func<Task<T>> call, CancellationToken cancel)
    {
        try
        {
            return await call();
        }
        catch (AggregateException error) when (error.InnerExceptions.OfType<ApiException>().LastOrDefault() is { } last)
        {
            // Kiota's retry handler gave up ("Too many retries performed"): the last answer is Graph's.
            throw Map(last);
        }
        catch (ApiException error)
        {
            throw Map(error);
        }
        catch (HttpRequestException error)
        {
            throw new MailboxUnavailableException("Microsoft Graph gick inte att nå.", null, error);
        }
        catch (Exception error) when (error is TimeoutException or OperationCanceledException && !cancel.IsCancellationRequested)
        {
            throw new MailboxUnavailableException("Microsoft Graph svarade inte i tid.", null, error);
        }
        catch (MicrosoftIdentityWebChallengeUserException error)
        {
            throw SignIn(error.MsalUiRequiredException, error);
        }
        catch (MsalUiRequiredException error)
        {
            throw SignIn(error, error);
        }
        // Entra away: a timeout (status 0, request_timeout), throttling or a server error passes. So does a client credential
        // Entra refuses (an expired secret or certificate): IT renews it, and the queued receipts go out then.
        catch (MsalServiceException error) when (error.StatusCode is 0 or 408 or 429 or >= 500
                                                 || error.ErrorCode is MsalError.RequestTimeout or MsalError.ServiceNotAvailable or "temporarily_unavailable")
        {
            throw new MailboxUnavailableException("Inloggningstjänsten (Entra ID) svarade inte.", error.Headers?.RetryAfter?.Delta, error);
        }
        catch (MsalServiceException error) when (error.ErrorCode == MsalError.InvalidClient)
        {
            throw new MailboxUnavailableException(
                "Entra ID godtar inte appens inloggningsuppgifter (certifikat eller hemlighet). IT behöver förnya dem; mottagningsbevisen väntar så länge.",
                TimeSpan.FromMinutes(10), error);
        }
        catch (MsalClientException error) when (error.ErrorCode == MsalError.OboCacheKeyNotInCacheError)
        {
            throw new MailboxSignInRequiredException(
                "Inloggningen som behövs för att skicka i bakgrunden finns inte längre. Öppna meddelandet och skicka igen.", null, error);
        }
        catch (MsalException error)
        {
            throw new MailboxRefusedException($"Inloggningen mot Microsoft 365 misslyckades ({error.ErrorCode}).", error);
        }
    }

    private static Exception Map(ApiException error) => error.ResponseStatusCode switch
    {
        408 or 429 or >= 500 => new MailboxUnavailableException($"Microsoft Graph svarade {error.ResponseStatusCode}.", RetryAfter(error), error),
        401 when Header(error, "WWW-Authenticate") is { } challenge && ClaimsOf(challenge) is { } claims =>
            // Continuous access evaluation: Graph wants a fresh sign-in (MFA, a revoked session); the add-in asks with these claims.
            new MailboxSignInRequiredException("Microsoft 365 vill att du loggar in på nytt.", claims, error),
        401 => new MailboxRefusedException("Microsoft Graph tog inte emot inloggningen (401).", error),
        403 => new MailboxAccessDeniedException(
            "Du saknar behörighet till den här brevlådan i Microsoft 365 (till exempel en delad brevlåda). Öppna meddelandet i din egen brevlåda, eller be IT om behörighet.",
            error),
        _ => new MailboxRefusedException($"Microsoft Graph avvisade begäran ({error.ResponseStatusCode}{CodeOf(error)}).", error),
    };

    private static Exception SignIn(MsalUiRequiredException error, Exception thrown) =>
        !string.IsNullOrEmpty(error.Claims)
            ? new MailboxSignInRequiredException("Microsoft 365 vill att du loggar in på nytt (villkorsstyrd åtkomst, till exempel tvåstegsverifiering).",
                Convert.ToBase64String(Encoding.UTF8.GetBytes(error.Claims)), thrown)
            : error.Classification == UiRequiredExceptionClassification.ConsentRequired
                ? new MailboxConsentRequiredException(
                    "Kontaktlöfte har inte fått medgivande att läsa och skicka e-post åt dig. Be IT ge administratörsmedgivande för appen i Entra ID.", thrown)
                // A revoked or expired session (a password reset, sign-in frequency): nothing to ask here, only a new sign-in.
                : new MailboxSignInRequiredException(
                    "Inloggningen mot Microsoft 365 har gått ut eller dragits tillbaka. Öppna meddelandet i Outlook och skicka igen.", null, thrown);

    private static string CodeOf(ApiException error) => error is ODataError { Error.Code: { } code } ? $", {code}" : "";

    private static TimeSpan? RetryAfter(ApiException error) => GraphExtensions.RetryAfter(Header(error, "Retry-After"));

    /// <summary>A header of the failed answer; Kiota's retry handler keeps them in a case-sensitive dictionary.</summary>
    private static string? Header(ApiException error, string name) =>
        error.ResponseHeaders.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();

    /// <summary>The base64 <c>claims</c> of a <c>WWW-Authenticate: Bearer …, error="insufficient_claims", claims="…"</c>.</summary>
    internal static string? ClaimsOf(string challenge)
    {
        const string marker = "claims=\"";
        var start = challenge.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
        if (start < 0) return null;
        start += marker.Length;
        var end = challenge.IndexOf('"', start);
        return end > start ? challenge[start..end] : null;
    }
}
