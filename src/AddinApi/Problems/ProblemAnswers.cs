using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace Kontaktlofte.AddinApi.Problems;

/// <summary>
/// Every error is an RFC 9457 problem details answer with a Swedish title: bad input is a 400 that says
/// what is wrong, an over-large body a 413, and nothing the client sends becomes a 500.
/// </summary>
public static class ProblemAnswers
{
    /// <summary>The largest request body the API reads (a mail with its HTML; attachments are never sent).</summary>
    public const long MaxRequestBodyBytes = 2 * 1024 * 1024;

    private static readonly Dictionary<int, string> SwedishTitles = new()
    {
        [StatusCodes.Status400BadRequest] = "Ogiltig begäran",
        [StatusCodes.Status401Unauthorized] = "Du är inte inloggad",
        [StatusCodes.Status403Forbidden] = "Du saknar behörighet",
        [StatusCodes.Status404NotFound] = "Hittades inte",
        [StatusCodes.Status405MethodNotAllowed] = "Metoden stöds inte",
        [StatusCodes.Status409Conflict] = "Konflikt",
        [StatusCodes.Status413PayloadTooLarge] = "Begäran är för stor",
        [StatusCodes.Status415UnsupportedMediaType] = "Innehållstypen stöds inte",
        [StatusCodes.Status422UnprocessableEntity] = "Begäran kan inte utföras",
        [StatusCodes.Status429TooManyRequests] = "För många förfrågningar",
        [StatusCodes.Status500InternalServerError] = "Ett oväntat fel inträffade",
        [StatusCodes.Status502BadGateway] = "Microsoft 365 svarade med ett fel",
        [StatusCodes.Status503ServiceUnavailable] = "Tjänsten är inte tillgänglig just nu",
    };

    private static readonly Dictionary<int, string> SwedishDetails = new()
    {
        [StatusCodes.Status401Unauthorized] = "Logga in med ditt konto i Botkyrka kommun och försök igen.",
        [StatusCodes.Status403Forbidden] = "Ditt konto har inte den roll som krävs för det här.",
        [StatusCodes.Status404NotFound] = "Det finns inget här. Kontrollera adressen.",
        [StatusCodes.Status405MethodNotAllowed] = "Adressen finns, men inte för den här metoden.",
        [StatusCodes.Status415UnsupportedMediaType] = "Skicka begäran som JSON (Content-Type: application/json).",
    };

    public static WebApplicationBuilder AddProblemAnswers(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
            if (SwedishTitles.TryGetValue(status, out var title) && IsDefaultTitle(context.ProblemDetails.Title))
                context.ProblemDetails.Title = title;
            if (context.ProblemDetails.Detail is null && SwedishDetails.TryGetValue(status, out var detail))
                context.ProblemDetails.Detail = detail;
            context.ProblemDetails.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
        });
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        builder.Services.AddExceptionHandler<DatabaseUnavailable>();
        // Binding failures throw, so that the handler above can answer in Swedish instead of an empty 400.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.ConfigureHttpJsonOptions(o => NullElements.Refuse(o.SerializerOptions));
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        return builder;
    }

    public static WebApplication UseProblemAnswers(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use(RefuseOversizedBodies);
        return app;
    }

    /// <summary>Answers 413 before reading a body whose declared length is over the limit.</summary>
    private static async Task RefuseOversizedBodies(HttpContext context, RequestDelegate next)
    {
        if (context.Request.ContentLength > MaxRequestBodyBytes)
        {
            await WriteProblemAsync(context, StatusCodes.Status413PayloadTooLarge,
                $"Begäran får vara högst {MaxRequestBodyBytes / (1024 * 1024)} MB. Skicka inte bilagor, bara mejlets text och uppgifter om bilagorna.");
            return;
        }
        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false }) feature.MaxRequestBodySize = MaxRequestBodyBytes;
        await next(context);
    }

    public static Task WriteProblemAsync(HttpContext context, int status, string detail)
    {
        context.Response.StatusCode = status;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        return problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Detail = detail },
        }).AsTask();
    }

    private static readonly HashSet<string> FrameworkTitles =
    [
        "Bad Request", "Unauthorized", "Forbidden", "Not Found", "Method Not Allowed", "Conflict",
        "Payload Too Large", "Content Too Large", "Unsupported Media Type", "Unprocessable Entity",
        "Unprocessable Content", "Too Many Requests", "An error occurred while processing your request.", "Bad Gateway",
        "Service Unavailable",
        "One or more validation errors occurred.",
    ];

    private static bool IsDefaultTitle(string? title) => title is null || FrameworkTitles.Contains(title);

    /// <summary>Turns the framework's "could not read the request" exceptions into Swedish answers.</summary>
    private sealed class BadRequestExceptionHandler : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
        {
            if (exception is not BadHttpRequestException bad) return false;
            var detail = bad.StatusCode switch
            {
                StatusCodes.Status413PayloadTooLarge =>
                    $"Begäran får vara högst {MaxRequestBodyBytes / (1024 * 1024)} MB.",
                StatusCodes.Status415UnsupportedMediaType =>
                    "Skicka begäran som JSON (Content-Type: application/json).",
                _ when bad.InnerException is NullElementException nulls => nulls.Message,
                _ when bad.InnerException is JsonException json =>
                    $"Begäran är inte giltig JSON eller har fält av fel typ ({DescribeJsonError(json)}).",
                _ => "Begäran saknar innehåll eller kunde inte läsas som JSON.",
            };
            await WriteProblemAsync(context, bad.StatusCode, detail);
            return true;
        }

        // The JSON path and position help the caller; the message text itself may quote the input, so leave it out.
        private static string DescribeJsonError(JsonException json) =>
            json.Path is { Length: > 0 } path ? $"fält {path}, rad {json.LineNumber + 1}" : $"rad {json.LineNumber + 1}";
    }
}
