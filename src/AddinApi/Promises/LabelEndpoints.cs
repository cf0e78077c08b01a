using Kontaktlofte.AddinApi.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kontaktlofte.AddinApi.Promises;

/// <summary>A category as the pane shows it.</summary>
/// <param name="Id">The name on the wire, e.g. <c>document-request</c>.</param>
/// <param name="Name">Its Swedish name.</param>
/// <param name="Help">What the promise is for this category, in Swedish.</param>
public sealed record CategoryLabel(string Id, string Name, string Help);

/// <summary>A promise's state as the pane shows it.</summary>
/// <param name="Id">The name on the wire, e.g. <c>overdue</c>.</param>
/// <param name="Name">Its Swedish name.</param>
public sealed record StateLabel(string Id, string Name);

/// <summary>Every Swedish word the pane shows for a category or a state: the add-in keeps no table of its own.</summary>
/// <param name="Categories">The categories, in the order the pane lists them.</param>
/// <param name="States">The states.</param>
public sealed record Labels(IReadOnlyList<CategoryLabel> Categories, IReadOnlyList<StateLabel> States);

public static class LabelEndpoints
{
    public static readonly Labels All = new(
        Enum.GetValues<MessageCategory>().Select(c => new CategoryLabel(Categories.Name(c), Categories.Title(c), Categories.Help(c))).ToList(),
        Enum.GetValues<PromiseState>().Select(s => new StateLabel(System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(s.ToString()), Swedish(s))).ToList());

    private static string Swedish(PromiseState state) => state switch
    {
        PromiseState.Open => "Öppet",
        PromiseState.Acknowledged => "Bekräftat",
        PromiseState.Answered => "Besvarat",
        PromiseState.HandedOver => "Överlämnat",
        _ => "Försenat",
    };

    public static IEndpointRouteBuilder MapLabels(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/labels", () => TypedResults.Ok(All))
            .WithName("GetLabels")
            .WithSummary("Kategoriernas och lägenas namn och hjälptexter på svenska")
            .WithTags("Meddelanden")
            .RequireAuthorization(Policies.Official);
        return app;
    }
}
