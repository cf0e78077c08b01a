using System.Text.RegularExpressions;

namespace Kontaktlofte.AddinApi.Tests.Architecture;

/// <summary>
/// The house's one-way dependencies (style.md): features → shared kernel → nothing; features → ports → adapters; the
/// database knows no feature; nothing but the composition root (Program.cs) knows the sandbox. Reads the sources:
/// every <c>using</c> and every qualified name between the top-level folders of <c>src/AddinApi</c>.
/// </summary>
[TestClass]
public sealed partial class FolderImportTests
{
    private static readonly string[] Kernel = ["Mail", "Text", "Confidentiality"];
    private static readonly string[] Features = ["Drafts", "Promises", "Acknowledgements", "Watching", "Registration", "Coverage", "Audit"];
    private static readonly string[] Ports = ["Mailbox", "Directory", "Registry"];

    /// <summary>
    /// Feature → feature edges the design names: acknowledging writes to the message's promise, the watcher tracks, and a
    /// registration request reads the tracked message (is it sensitive: then its subject is not kept); a unit's coverage
    /// counts its open mail and reads which function mailboxes its members watch; the follow-up counts tracked messages,
    /// a function mailbox's in its watchers' unit; the audit log reads days in Stockholm time and a unit head's function
    /// mailboxes as the coverage view does.
    /// </summary>
    private static readonly (string From, string To)[] AllowedBetweenFeatures =
        [("Acknowledgements", "Promises"), ("Watching", "Promises"), ("Registration", "Promises"), ("Coverage", "Promises"), ("Coverage", "Watching"),
         ("Audit", "Promises"), ("Audit", "Watching")];

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void No_folder_depends_on_itself_through_others()
    {
        var imports = Imports();
        foreach (var (from, to) in imports.OrderBy(i => i.Key).Select(i => (i.Key, string.Join(", ", i.Value.Order()))))
            TestContext.WriteLine($"{from} → {to}");

        var cycles = Cycles(imports);
        Assert.IsEmpty(cycles, "Cycles between folders: " + string.Join("; ", cycles.Select(c => string.Join(" → ", c))));
    }

    [TestMethod]
    public void The_shared_kernel_imports_only_the_kernel()
    {
        var wrong = Imports().Where(i => Kernel.Contains(i.Key)).SelectMany(i => i.Value.Where(to => !Kernel.Contains(to)).Select(to => $"{i.Key} → {to}")).ToList();
        Assert.IsEmpty(wrong, string.Join("; ", wrong));
    }

    [TestMethod]
    public void A_feature_never_imports_another_feature_except_where_the_design_says()
    {
        var wrong = Imports().Where(i => Features.Contains(i.Key))
            .SelectMany(i => i.Value.Where(to => Features.Contains(to) && !AllowedBetweenFeatures.Contains((i.Key, to))).Select(to => $"{i.Key} → {to}"))
            .ToList();
        Assert.IsEmpty(wrong, string.Join("; ", wrong));
    }

    [TestMethod]
    public void A_port_imports_no_feature()
    {
        // features → ports → adapters: a port that knew a feature could not serve the next one (the registry serves
        // Registration now, and the worklist's "registrerad" later).
        var wrong = Imports().Where(i => Ports.Contains(i.Key)).SelectMany(i => i.Value.Where(Features.Contains).Select(to => $"{i.Key} → {to}")).ToList();
        Assert.IsEmpty(wrong, string.Join("; ", wrong));
    }

    [TestMethod]
    public void The_database_knows_no_feature_and_only_the_composition_root_knows_the_sandbox()
    {
        var imports = Imports();
        Assert.IsEmpty(imports.GetValueOrDefault("Data") ?? [], "Data imports: " + string.Join(", ", imports.GetValueOrDefault("Data") ?? []));
        var sandboxUsers = imports.Where(i => i.Value.Contains("Sandbox")).Select(i => i.Key).ToList();
        Assert.IsEmpty(sandboxUsers, "Folders that know the sandbox: " + string.Join(", ", sandboxUsers));
    }

    [TestMethod]
    public void The_scan_sees_real_imports()
    {
        // Guards the scan itself: a known edge must be found, or every test above would pass on nothing.
        var imports = Imports();
        CollectionAssert.Contains(imports["Drafts"].ToList(), "Text");
        CollectionAssert.Contains(imports["Sandbox"].ToList(), "Mailbox");
    }

    /// <summary>Top-level folder → the top-level folders its files refer to (Program.cs, at the root, is left out).</summary>
    private static Dictionary<string, HashSet<string>> Imports()
    {
        var root = SourceRoot();
        var folders = System.IO.Directory.GetDirectories(root).Select(Path.GetFileName).Where(f => f is not ("bin" or "obj" or "wwwroot" or "Properties" or "data"))
            .Select(f => f!).ToHashSet();
        var partial = new Regex(@"(?<![\w.])(" + string.Join('|', folders) + @")\.[A-Z]\w*", RegexOptions.CultureInvariant);
        var imports = new Dictionary<string, HashSet<string>>();
        foreach (var file in System.IO.Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, file).Split(Path.DirectorySeparatorChar);
            // Generated migrations name every entity by its full type name, as data: they are not imports.
            if (relative.Length < 2 || !folders.Contains(relative[0]) || relative.Contains("Migrations")) continue;
            var from = relative[0];
            var text = Comments().Replace(File.ReadAllText(file), "");
            var found = imports.TryGetValue(from, out var set) ? set : imports[from] = [];
            foreach (Match match in Qualified().Matches(text))
                if (folders.Contains(match.Groups[1].Value)) found.Add(match.Groups[1].Value);
            foreach (Match match in partial.Matches(text)) found.Add(match.Groups[1].Value);
            found.Remove(from);
        }
        return imports;
    }

    private static List<List<string>> Cycles(Dictionary<string, HashSet<string>> imports)
    {
        var cycles = new List<List<string>>();
        foreach (var start in imports.Keys.Order())
        {
            var path = new List<string> { start };
            Walk(start);
            void Walk(string at)
            {
                foreach (var next in imports.GetValueOrDefault(at) ?? [])
                {
                    if (next == start) { cycles.Add([.. path, start]); continue; }
                    if (path.Contains(next) || string.CompareOrdinal(next, start) < 0) continue; // each cycle once, from its least folder
                    path.Add(next);
                    Walk(next);
                    path.RemoveAt(path.Count - 1);
                }
            }
        }
        return cycles;
    }

    private static string SourceRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Kontaktlofte.sln"))) dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Kontaktlofte.sln not found above the test output"), "src", "AddinApi");
    }

    [GeneratedRegex(@"\bKontaktlofte\.AddinApi\.(\w+)")]
    private static partial Regex Qualified();

    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comments();
}
