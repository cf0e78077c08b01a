using Kontaktlofte.AddinApi.Auth;
using Kontaktlofte.AddinApi.Mail;
using Kontaktlofte.AddinApi.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kontaktlofte.AddinApi.Promises.Classification;

/// <summary>A message to classify, as the add-in reads it from Outlook.</summary>
/// <param name="From">The sender.</param>
/// <param name="Subject">The subject line.</param>
/// <param name="BodyText">The body as plain text, or</param>
/// <param name="BodyHtml">the body as HTML.</param>
/// <param name="Headers">Internet headers (Auto-Submitted, List-Unsubscribe, Precedence …).</param>
public sealed record ClassifyRequest(MailAddress? From, string? Subject, string? BodyText, string? BodyHtml,
    Dictionary<string, string>? Headers);

public static class ClassifyEndpoints
{
    public static IEndpointRouteBuilder MapClassification(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/messages/classify", Classify)
            .WithTags("Meddelanden")
            .WithName("ClassifyMessage")
            .WithSummary("Vad ett inkommet meddelande är, på vilket språk, och om det är känsligt")
            .WithDescription("Kategorin avgör svarstiden. Tjänstepersonen kan alltid ändra kategorin.")
            .RequireAuthorization(Policies.Official);
        return app;
    }

    private static Results<Ok<MessageClassification>, ValidationProblem> Classify(ClassifyRequest? request, MessageClassifier classifier)
    {
        if (request is null) return Invalid.Field("body", "Begäran saknar innehåll.");
        if (request.BodyText is null && request.BodyHtml is null && request.Subject is null)
            return Invalid.Field("bodyText", "Ange minst subject, bodyText eller bodyHtml.");
        return TypedResults.Ok(classifier.Classify(new IncomingMessage(
            request.From?.Name, request.From?.Address, request.Subject, request.BodyText, request.BodyHtml,
            request.Headers ?? [])));
    }
}
