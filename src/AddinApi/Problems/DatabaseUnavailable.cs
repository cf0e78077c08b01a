using System.Data.Common;
using Microsoft.AspNetCore.Diagnostics;

namespace Kontaktlofte.AddinApi.Problems;

/// <summary>
/// The database out of reach for now (restarting, failing over, refusing connections): a 503 in Swedish with a
/// Retry-After, which the add-in shows as "try again", instead of a 500 that says something is broken.
/// </summary>
internal sealed class DatabaseUnavailable(ILogger<DatabaseUnavailable> log) : IExceptionHandler
{
    public const string Detail = "Databasen går inte att nå just nu. Inget av det du gjort har försvunnit; försök igen om en stund.";
    private const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (Cause(exception) is not { } cause) return false;
        // The provider's message names the server, never a person: safe to log.
        log.LogWarning("Databasen går inte att nå: {Error}", cause.Message);
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await ProblemAnswers.WriteProblemAsync(context, StatusCodes.Status503ServiceUnavailable, Detail);
        return true;
    }

    /// <summary>
    /// The provider's connection failure in the chain (EF wraps it in a DbUpdateException or its own
    /// InvalidOperationException): a transient one (no connection, a timeout), or PostgreSQL's SQLSTATE class 08
    /// (connection exception) and 57P01–57P03 (the server shutting down, crashed, or not yet accepting connections).
    /// </summary>
    public static DbException? Cause(Exception? error)
    {
        for (; error is not null; error = error.InnerException)
            if (error is DbException { IsTransient: true } or DbException { SqlState: ['0', '8', ..] or "57P01" or "57P02" or "57P03" })
                return (DbException)error;
        return null;
    }
}
