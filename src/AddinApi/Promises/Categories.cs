namespace Kontaktlofte.AddinApi.Promises;

/// <summary>The categories' names on the wire (kebab case) and in Swedish.</summary>
public static class Categories
{
    private static readonly Dictionary<string, MessageCategory> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["question"] = MessageCategory.Question,
        ["opinion"] = MessageCategory.Opinion,
        ["fault-report"] = MessageCategory.FaultReport,
        ["document-request"] = MessageCategory.DocumentRequest,
        ["callback"] = MessageCategory.Callback,
        ["internal"] = MessageCategory.Internal,
        ["automatic"] = MessageCategory.Automatic,
    };

    public static bool TryParse(string? name, out MessageCategory category) =>
        ByName.TryGetValue(name?.Trim() ?? "", out category);

    public static string Swedish(MessageCategory category) => category switch
    {
        MessageCategory.Question => "fråga",
        MessageCategory.Opinion => "synpunkt eller klagomål",
        MessageCategory.FaultReport => "felanmälan",
        MessageCategory.DocumentRequest => "begäran om allmän handling",
        MessageCategory.Callback => "återuppringning",
        MessageCategory.Internal => "internt",
        _ => "automatiskt meddelande",
    };
}
