using System.Globalization;
using System.Text;
using Kontaktlofte.AddinApi.Problems;
using Microsoft.AspNetCore.Diagnostics;

namespace Kontaktlofte.AddinApi.Mailbox;

/// <summary>
/// A request that needs Microsoft 365 answers in Swedish, never with a bare 500: 503 with Retry-After when it will pass;
/// 401 with a claims challenge when Microsoft 365 wants the user to sign in again (the add-in asks Entra with the claims
/// and repeats the call once); 403 when the user may not use the mailbox or consent is missing; 502 for other refusals.
/// </summary>
internal sealed class MailboxProblems : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        switch (exception)
        {
            case InvalidMailboxException invalid:
                await ProblemAnswers.WriteProblemAsync(context, StatusCodes.Status400BadRequest, invalid.Message);
                return true;
            case MailboxUnavailableException away:
                context.Response.Headers.RetryAfter =
                    ((int)Math.Ceiling((away.RetryAfter ?? TimeSpan.FromSeconds(30)).TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await ProblemAnswers.WriteProblemAsync(context, StatusCodes.Status503ServiceUnavailable,
                    $"Microsoft 365 går inte att nå just nu: {away.Message} Försök igen om en stund.");
                return true;
            case MailboxSignInRequiredException signIn:
                // RFC 6750 §3 and Entra's claims challenge: the client acquires a token with these claims and retries. With
                // no claims of Entra's (a revoked session) the challenge asks for a token issued from now on: MSAL.js then
                // goes to Entra instead of handing back its cached token, and the official signs in again if need be.
                var claims = signIn.Claims ?? Convert.ToBase64String(Encoding.UTF8.GetBytes(
                    $"{{\"access_token\":{{\"nbf\":{{\"essential\":true,\"value\":\"{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}\"}}}}}}"));
                context.Response.Headers.WWWAuthenticate =
                    $"Bearer error=\"insufficient_claims\", error_description=\"Ny inloggning krävs\", claims=\"{claims}\"";
                await ProblemAnswers.WriteProblemAsync(context, StatusCodes.Status401Unauthorized, signIn.Message);
                return true;
            case MailboxAccessDeniedException or MailboxConsentRequiredException:
                await ProblemAnswers.WriteProblemAsync(context, StatusCodes.Status403Forbidden, exception.Message);
                return true;
            case MailboxRefusedException refused:
                await ProblemAnswers.WriteProblemAsync(context, StatusCodes.Status502BadGateway, $"Microsoft 365 sa nej: {refused.Message}");
                return true;
            default:
                return false;
        }
    }
}
