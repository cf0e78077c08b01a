using System.Globalization;
using System.Security.Claims;
using Kontaktlofte.AddinApi.Auth;
using Kontaktlofte.AddinApi.Data;
using Kontaktlofte.AddinApi.Directory;
using Kontaktlofte.AddinApi.Organisation;
using Kontaktlofte.AddinApi.Promises;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kontaktlofte.AddinApi.Coverage.OwnReply;

/// <summary>What the own-reply endpoints need, grouped (eShop's OrderServices).</summary>
internal sealed record OwnReplyServices(SignedInOfficial Me, ClaimsPrincipal User, IOwnAutomaticReply Reply, IDirectory Directory,
    KontaktlofteDb Db, TimeProvider Clock, WorkingDayCalendar Calendar, IOptions<OrganisationOptions> Organisation,
    IOptions<AutomaticReplyOptions> Template);

/// <summary>
/// The official's own automatic reply, from the pane: is it right (the unit head's routine, <see cref="CoverageRules"/>),
/// and if not, the municipality's template filled in, previewed, and set in one click.
/// </summary>
public static class OwnReplyEndpoints
{
    public static WebApplicationBuilder AddOwnReply(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AutomaticReplyOptions>().Bind(builder.Configuration.GetSection(AutomaticReplyOptions.Section))
            .Validate(o => !string.IsNullOrWhiteSpace(o.WithCover) && !string.IsNullOrWhiteSpace(o.WithoutCover) && o.MaxDaysAhead > 0,
                "AutomaticReply: WithCover och WithoutCover ska ha en text och MaxDaysAhead vara minst 1.")
            .ValidateOnStart();
        return builder;
    }

    public static IEndpointRouteBuilder MapOwnReply(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/me/automatic-reply").WithTags("Identitet").RequireAuthorization(Policies.Official);
        group.MapGet("", GetAsync).WithName("GetOwnAutomaticReply")
            .WithSummary("Mitt frånvaromeddelande: på eller av, slutdatum, och vad som saknas enligt rutinen");
        group.MapPost("/preview", PreviewAsync).WithName("PreviewOwnAutomaticReply")
            .WithSummary("Kommunens mall ifylld med återkomstdag och ersättare, utan att något ändras");
        group.MapPut("", SetAsync).WithName("SetOwnAutomaticReply")
            .WithSummary("Sätter frånvaromeddelandet efter mallen, från nu (eller start) till återkomstdagen");
        return app;
    }

    private static async Task<Ok<OwnAutomaticReply>> GetAsync([AsParameters] OwnReplyServices services, CancellationToken cancel) =>
        TypedResults.Ok(await OwnReplyState.ReadAsync(services, cancel));

    private static async Task<Results<Ok<OwnAutomaticReplyPreview>, ValidationProblem>> PreviewAsync(OwnAutomaticReplyRequest? request,
        [AsParameters] OwnReplyServices services, CancellationToken cancel)
    {
        var (reply, problem) = await OwnReplyChoice.FillAsync(request, services, cancel);
        return problem is not null ? problem : TypedResults.Ok(reply!);
    }

    private static async Task<Results<Ok<OwnAutomaticReply>, ValidationProblem>> SetAsync(OwnAutomaticReplyRequest? request,
        [AsParameters] OwnReplyServices services, CancellationToken cancel)
    {
        var (reply, problem) = await OwnReplyChoice.FillAsync(request, services, cancel);
        if (problem is not null) return problem;
        await services.Reply.SetAsync(services.User, new AutomaticReplySetting(AutomaticReplyStatus.Scheduled, reply!.Start, reply.End,
            reply.InternalReplyMessage, reply.ExternalReplyMessage, ExternalAudience.All), cancel);
        await AuditAsync(request!, reply, services, cancel);
        return TypedResults.Ok(await OwnReplyState.ReadAsync(services, cancel));
    }

    /// <summary>The change in the audit log: dates and the cover's address, never the text.</summary>
    private static async Task AuditAsync(OwnAutomaticReplyRequest request, OwnAutomaticReplyPreview reply, OwnReplyServices services, CancellationToken cancel)
    {
        var email = (await services.Me.GetAsync(cancel)).Email;
        services.Db.Audit(services.Clock.GetUtcNow(), email, "autoreply.set", email.Length <= 64 ? email : email[..64],
            string.Create(CultureInfo.InvariantCulture,
                $"start={reply.Start.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}; end={reply.End.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}; returnDate={request.ReturnDate:yyyy-MM-dd}; cover={reply.Cover?.Email ?? "none"}"));
        await services.Db.SaveChangesAsync(cancel);
    }
}
