using System.Net;
using System.Text.RegularExpressions;
using Kontaktlofte.AddinApi.Mail;
using Kontaktlofte.AddinApi.Mailbox;
using Kontaktlofte.AddinApi.Registry;

namespace Kontaktlofte.AddinApi.Tests.Registry.Lex;

/// <summary>Orders as the Registration feature makes them, and a memo kept in memory as the registration would keep it.</summary>
internal static partial class LexOrders
{
    public static readonly DateTimeOffset Received = new(2026, 11, 27, 16, 5, 0, TimeSpan.FromHours(1));

    public static RegistryOrder NewCase(MailboxOwner source, string messageId, string internetMessageId = "<bygglov-1@example.se>") => new(
        Guid.NewGuid(), internetMessageId, DocumentDirection.Incoming, null, new CaseToOpen("SBF", "Bygglov för uterum, Tumba 5:12", null),
        "Ansökan", "4.2.1", "per.holm@botkyrka.se", null,
        new RegistryEntry("Ansökan om bygglov", null, new MailAddress("Anna Berg", "anna.berg@example.se"), null, Received, ["ritning.pdf", "situationsplan.pdf"]),
        source, messageId, "registrator@botkyrka.se");

    /// <summary>A secret record in an existing case: the public entry hides the party and the revealing part of the title.</summary>
    public static RegistryOrder Secret(MailboxOwner source, string messageId, CaseNumber number) => new(
        Guid.NewGuid(), "<orosanmalan-7@example.se>", DocumentDirection.Incoming, number, null,
        "Anmälan", "6.1", "socialsekreterare@botkyrka.se", "OSL 26 kap. 1 §",
        new RegistryEntry("Anmälan", "om oro för barn på\nHallunda", null, new MailAddress("Karin Lund", "karin.lund@example.se"), Received, ["intyg.pdf"]),
        source, messageId, "registrator@botkyrka.se");

    /// <summary>The block read back from the forward's HTML as Lex's import would: the first block, one field per line.</summary>
    public static Dictionary<string, string> ReadBlock(string html, string start = "### LEX-REGISTRERING START ###", string end = "### LEX-REGISTRERING SLUT ###")
    {
        var pre = Pre().Match(html);
        Assert.IsTrue(pre.Success, "the block is in a <pre>");
        var lines = WebUtility.HtmlDecode(pre.Groups[1].Value).Split('\n');
        Assert.AreEqual(start, lines[0]);
        var close = Array.IndexOf(lines, end);
        Assert.IsGreaterThan(0, close, "the block ends with its marker");
        var fields = new Dictionary<string, string>();
        foreach (var line in lines[1..close])
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            Assert.IsGreaterThan(0, colon, $"a line is 'Label: value': {line}");
            var value = line[(colon + 1)..];
            Assert.IsTrue(value.Length == 0 || value.StartsWith(' '), $"a space after the colon: {line}");
            Assert.IsTrue(fields.TryAdd(line[..colon], value.TrimStart(' ')), $"each label once: {line}");
        }
        return fields;
    }

    [GeneratedRegex("<pre>(.*?)</pre>", RegexOptions.Singleline)]
    private static partial Regex Pre();
}

/// <summary>The registration's memo, in memory: what was saved, and how often.</summary>
internal sealed class MemoryMemo : IRegistryMemo
{
    public string? Value { get; private set; }
    public int Saves { get; private set; }

    public Task SaveAsync(string value, CancellationToken cancel)
    {
        Value = value;
        Saves++;
        return Task.CompletedTask;
    }
}
