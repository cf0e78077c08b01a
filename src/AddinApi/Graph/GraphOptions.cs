namespace Kontaktlofte.AddinApi.Graph;

/// <summary>Where Microsoft Graph is and which delegated permissions the API asks for on behalf of the user.</summary>
public sealed class GraphOptions
{
    public const string Section = "Graph";

    public string BaseUrl { get; set; } = "https://graph.microsoft.com/v1.0";

    /// <summary>
    /// Least privilege for what the product does on the user's behalf: their own profile (the signature), reading,
    /// replying to and marking their mail, colleagues' name, title and phone (contact persons; User.ReadBasic.All would
    /// give the name only), and colleagues' automatic replies through getMailTips (Mail.Read, within Mail.ReadWrite).
    /// </summary>
    public List<string> Scopes { get; set; } =
        ["https://graph.microsoft.com/User.Read", "https://graph.microsoft.com/User.Read.All",
         "https://graph.microsoft.com/Mail.ReadWrite", "https://graph.microsoft.com/Mail.Send"];

    /// <summary>How many times the SDK itself retries a throttled or failed call before the outbox takes over.</summary>
    public int MaxRetries { get; set; } = 2;
}
