using Kontaktlofte.AddinApi.Problems;
using Microsoft.AspNetCore.Diagnostics;

namespace Kontaktlofte.AddinApi.Mailbox;

/// <summary>
/// A request that needs Microsoft 365 while it is away answers in Swedish, never with a bare 500: 503 with Retry-After
/// when it will pass, 502 when Microsoft 365 refused (access, consent, a lost session), saying what to do.
/// </summary>
internal sealed class MailboxProblems : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        switch (exception)
        {
            case MailboxUnavailableException away:
                context.Response.Headers.RetryAfter = ((int)(away.RetryAfter ?? TimeSpan.FromSeconds(30)).TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                await ProblemAnswers.WriteProblemAsync(context, StatusCodes.Status503ServiceUnavailable,
                    $"Microsoft 365 går inte att nå just nu: {away.Message} Försök igen om en stund.");
                return true;
            case MailboxRefusedException refused:
                await ProblemAnswers.WriteProblemAsync(context, StatusCodes.Status502BadGateway, $"Microsoft 365 sa nej: {refused.Message}");
                return true;
            default:
                return false;
        }
    }
}
