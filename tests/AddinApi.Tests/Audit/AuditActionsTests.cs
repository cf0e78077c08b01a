using System.Text.RegularExpressions;
using Kontaktlofte.AddinApi.Audit;

namespace Kontaktlofte.AddinApi.Tests.Audit;

/// <summary>Every action the product writes to the audit log reads in Swedish in <c>GET /api/audit</c>.</summary>
[TestClass]
public sealed partial class AuditActionsTests
{
    /// <summary>The actions in the sources: a literal in a <c>.Audit(…)</c> call, or a constant of the form "feature.what".</summary>
    private static List<string> Written()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Kontaktlofte.sln"))) dir = dir.Parent;
        var root = Path.Combine(dir!.FullName, "src", "AddinApi");
        return System.IO.Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("Migrations", StringComparison.Ordinal) && !f.EndsWith("AuditActions.cs", StringComparison.Ordinal))
            .SelectMany(f => Literal().Matches(File.ReadAllText(f)).Concat(Constant().Matches(File.ReadAllText(f))))
            .Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal).ToList();
    }

    [TestMethod]
    public void Every_action_written_has_a_Swedish_description()
    {
        var written = Written();
        Assert.IsGreaterThanOrEqualTo(15, written.Count, "the scan finds the actions (else this proves nothing): " + string.Join(", ", written));
        CollectionAssert.IsSubsetOf(new[] { "registration.registered", "cover.set", "acknowledgement.queued", "handover.created" }, written);
        var missing = written.Where(a => !AuditActions.Swedish.ContainsKey(a)).ToList();
        Assert.IsEmpty(missing, "actions without a description: " + string.Join(", ", missing));
    }

    [TestMethod]
    public void An_action_no_longer_written_is_named_as_it_stands()
    {
        Assert.AreEqual("Mottagningsbevis köat", AuditActions.Describe("acknowledgement.queued"));
        Assert.AreEqual("Händelse: old.thing", AuditActions.Describe("old.thing"));
    }

    [GeneratedRegex(@"\.Audit\([^;]*?""([a-z-]+\.[a-z-]+)""", RegexOptions.Singleline)]
    private static partial Regex Literal();

    [GeneratedRegex(@"const string \w+ = ""([a-z-]+\.[a-z-]+)""")]
    private static partial Regex Constant();
}
