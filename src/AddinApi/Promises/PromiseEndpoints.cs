using System.Security.Claims;
using Kontaktlofte.AddinApi.Auth;
using Kontaktlofte.AddinApi.Mailbox;
using Kontaktlofte.AddinApi.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kontaktlofte.AddinApi.Promises;

/// <summary>The category an official chooses for a message.</summary>
/// <param name="Category">question, opinion, fault-report, document-request, callback, internal or automatic.</param>
public sealed record CategoryChange(string? Category);

public static class PromiseEndpoints
{
    public static IEndpointRouteBuilder MapPromises(this IEndpointRouteBuilder app)
    {
        var messages = app.MapGroup("/api/messages/{id}").WithTags("Meddelanden").RequireAuthorization(Policies.Official);
        messages.MapGet("/promise", GetPromise)
            .WithName("GetPromise")
            .WithSummary("Kontaktlöftet för ett meddelande: kategori, svarsdatum, arbetsdagar kvar och läge");
        messages.MapPut("/category", ChangeCategory)
            .WithName("ChangeCategory")
            .WithSummary("Ändra meddelandets kategori; svarsdatumet följer med");
        return app;
    }

    private static async Task<Results<Ok<Promise>, ProblemHttpResult>> GetPromise(
        string id, ClaimsPrincipal user, IMailbox mailbox, MessageTracker tracker, CancellationToken cancel)
    {
        var owner = await mailbox.OpenAsync(user, cancel);
        var tracked = await tracker.TrackAsync(owner, id, cancel);
        if (tracked is null) return NotFoundMessage.Answer;
        return TypedResults.Ok(await tracker.PromiseOfAsync(owner, tracked, cancel));
    }

    private static async Task<Results<Ok<Promise>, ProblemHttpResult, ValidationProblem>> ChangeCategory(
        string id, CategoryChange? change, ClaimsPrincipal user, IMailbox mailbox, MessageTracker tracker, CancellationToken cancel)
    {
        if (!Categories.TryParse(change?.Category, out var category))
            return Invalid.Field("category", "Ange category: question, opinion, fault-report, document-request, callback, internal eller automatic.");
        var owner = await mailbox.OpenAsync(user, cancel);
        var tracked = await tracker.TrackAsync(owner, id, cancel);
        if (tracked is null) return NotFoundMessage.Answer;
        await tracker.ChangeCategoryAsync(tracked, category, cancel);
        return TypedResults.Ok(await tracker.PromiseOfAsync(owner, tracked, cancel));
    }
}
