using Microsoft.AspNetCore.Http.HttpResults;

namespace Kontaktlofte.AddinApi.Problems;

/// <summary>A 400 that names the field and says, in Swedish, what is wrong with it.</summary>
public static class Invalid
{
    public static ValidationProblem Field(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, detail: message);
}
