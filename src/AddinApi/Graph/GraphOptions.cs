namespace Kontaktlofte.AddinApi.Graph;

/// <summary>Where Microsoft Graph is, which delegated permissions the API asks for, and how long a call may take.</summary>
public sealed class GraphOptions
{
    public const string Section = "Graph";

    public string BaseUrl { get; set; } = "https://graph.microsoft.com/v1.0";

    /// <summary>
    /// Least privilege for what the product does on the user's behalf: their own profile (the signature), reading,
    /// replying to and marking their mail, colleagues' name, title and phone (contact persons; User.ReadBasic.All would
    /// give the name only), and colleagues' automatic replies through getMailTips (Mail.Read, within Mail.ReadWrite); in a
    /// function (shared) mailbox the same through <c>/users/{address}</c>: Mail.ReadWrite.Shared and Mail.Send.Shared; and the
    /// official's own automatic reply (MailboxSettings.ReadWrite: the least that may write it, reading included).
    /// </summary>
    public List<string> Scopes { get; set; } =
        ["https://graph.microsoft.com/User.Read", "https://graph.microsoft.com/User.Read.All",
         "https://graph.microsoft.com/Mail.ReadWrite", "https://graph.microsoft.com/Mail.Send",
         "https://graph.microsoft.com/Mail.ReadWrite.Shared", "https://graph.microsoft.com/Mail.Send.Shared",
         "https://graph.microsoft.com/MailboxSettings.ReadWrite"];

    /// <summary>How many times the SDK itself retries a throttled or failed call (429, 503, 504) before the outbox takes over.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>How long one attempt may take before it counts as a timeout (a passing failure, tried again later).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// The longest Retry-After the SDK waits out inside one call. Graph may ask for minutes; the SDK would wait up to
    /// 180 s while the official (or the outbox's lease) waits with it. Longer waits end the call at once: a request
    /// answers 503 with the Retry-After, the outbox tries again after it.
    /// </summary>
    public TimeSpan MaxRetryWait { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The most one call can take: every attempt timing out, with the longest waits between them.</summary>
    public TimeSpan CallBudget => AttemptTimeout * (MaxRetries + 1) + MaxRetryWait * MaxRetries;
}
