using Kontaktlofte.AddinApi.Auth;
using Kontaktlofte.AddinApi.Confidentiality;
using Kontaktlofte.AddinApi.Drafts.Attachments;
using Kontaktlofte.AddinApi.Drafts.Confidentiality;
using Kontaktlofte.AddinApi.Drafts.PlainLanguage;
using Kontaktlofte.AddinApi.Drafts.Recipients;
using Kontaktlofte.AddinApi.Drafts.Signature;
using Kontaktlofte.AddinApi.Drafts.Tone;
using Kontaktlofte.AddinApi.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Kontaktlofte.AddinApi.Drafts;

public static class DraftsEndpoints
{
    public static WebApplicationBuilder AddDrafts(this WebApplicationBuilder builder)
    {
        builder.Services.AddDraftReview();
        return builder;
    }

    /// <summary>The review engine and its rules, for the API and for anything else that reviews drafts.</summary>
    public static IServiceCollection AddDraftReview(this IServiceCollection services)
    {
        services.TryAddSingleton<ConfidentialContent>();
        services.TryAddSingleton<Languages>();
        services.AddSingleton<IDraftRule, SubjectLine>();
        services.AddSingleton<IDraftRule, Readability>();
        services.AddSingleton<IDraftRule, Officialese>();
        services.AddSingleton<IDraftRule, Abbreviations>();
        services.AddSingleton<IDraftRule, SignatureRules>();
        services.AddSingleton<IDraftRule, RecipientRules>();
        services.AddSingleton<IDraftRule, AttachmentRule>();
        services.AddSingleton<IDraftRule, ConfidentialityRules>();
        services.AddSingleton<IDraftRule, Shouting>();
        services.AddSingleton<IDraftRule, ReadReceipt>();
        services.AddSingleton<IDraftRule, DateFormat>();
        services.AddSingleton<IDraftRule, LanguageMismatch>();
        services.AddSingleton<DraftReviewer>();
        return services;
    }

    public static IEndpointRouteBuilder MapDrafts(this IEndpointRouteBuilder app)
    {
        var drafts = app.MapGroup("/api/drafts")
            .WithTags("Granskning av utkast")
            .RequireAuthorization(Policies.Official);

        drafts.MapPost("/review", Review)
            .WithName("ReviewDraft")
            .WithSummary("Granska ett svar innan det skickas")
            .WithDescription("Läser utkastet som e-postriktlinjen ber: klarspråk, signatur, mottagare, bilagor, " +
                             "sekretess och personnummer, ton, läskvitto och datumformat. Inget av texten sparas.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return app;
    }

    private static Results<Ok<DraftReview>, ProblemHttpResult> Review(DraftReviewRequest? request, DraftReviewer reviewer)
    {
        if (request is null)
            return TypedResults.Problem("Begäran saknar innehåll. Skicka utkastet som JSON.", statusCode: StatusCodes.Status400BadRequest);
        if (request.BodyHtml is null && request.BodyText is null)
            return TypedResults.Problem("Utkastet saknar text: ange bodyHtml eller bodyText.", statusCode: StatusCodes.Status400BadRequest);
        if (request.CitizenLanguage is not (null or Languages.Swedish or Languages.Finnish or Languages.English))
            return TypedResults.Problem("citizenLanguage ska vara \"sv\", \"fi\" eller \"en\".", statusCode: StatusCodes.Status400BadRequest);
        try
        {
            return TypedResults.Ok(reviewer.Review(request));
        }
        catch (DraftTooComplexException)
        {
            return TypedResults.Problem(DraftTooComplexException.Detail, statusCode: StatusCodes.Status422UnprocessableEntity);
        }
    }
}
