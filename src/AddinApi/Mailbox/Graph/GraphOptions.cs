namespace Kontaktlofte.AddinApi.Mailbox.Graph;

/// <summary>Where Microsoft Graph is and which delegated permissions the API asks for on behalf of the user.</summary>
public sealed class GraphOptions
{
    public const string Section = "Graph";

    public string BaseUrl { get; set; } = "https://graph.microsoft.com/v1.0";

    /// <summary>Least privilege: the user's own profile (for the signature), and reading, replying to and marking their mail.</summary>
    public List<string> Scopes { get; set; } =
        ["https://graph.microsoft.com/User.Read", "https://graph.microsoft.com/Mail.ReadWrite", "https://graph.microsoft.com/Mail.Send"];

    /// <summary>How many times the SDK itself retries a throttled or failed call before the outbox takes over.</summary>
    public int MaxRetries { get; set; } = 2;
}
