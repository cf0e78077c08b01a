using Microsoft.AspNetCore.Http.HttpResults;

namespace Kontaktlofte.AddinApi.Problems;

public static class NotFoundMessage
{
    public static ProblemHttpResult Answer => TypedResults.Problem(
        "Meddelandet finns inte i brevlådan, eller så har du inte tillgång till det.", statusCode: StatusCodes.Status404NotFound);
}
