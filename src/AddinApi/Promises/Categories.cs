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

    /// <summary>The name on the wire, e.g. <c>fault-report</c>.</summary>
    public static string Name(MessageCategory category) =>
        System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(category.ToString());

    /// <summary>The Swedish name as a heading or list entry starts it.</summary>
    public static string Title(MessageCategory category) => string.Concat(Swedish(category)[..1].ToUpperInvariant(), Swedish(category)[1..]);

    /// <summary>What the promise is for the category, as the pane explains it.</summary>
    public static string Help(MessageCategory category) => category switch
    {
        MessageCategory.Question => "Svar eller bekräftelse senast andra arbetsdagen efter att frågan kom in (kontaktlöftet, KS/2016:805).",
        MessageCategory.Opinion => "Svar eller bekräftelse senast andra arbetsdagen efter att synpunkten kom in (kontaktlöftet, KS/2016:805).",
        MessageCategory.FaultReport => "Bekräfta felanmälan senast andra arbetsdagen efter att den kom in (kontaktlöftet, KS/2016:805).",
        MessageCategory.DocumentRequest => "Handlas skyndsamt: besked samma dag som begäran kom in, eller nästa arbetsdag om den kom en ledig dag " +
                                           "(TF 2 kap. 15 §, JO). Lova inte ett senare datum utan skäl.",
        MessageCategory.Callback => "Ring upp senast andra arbetsdagen efter att meddelandet kom in (telefoniriktlinjen).",
        MessageCategory.Internal => "Från en kollega: inget kontaktlöfte till en invånare.",
        _ => "Automatiskt svar eller nyhetsbrev: inget svar behövs.",
    };

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
