using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Kontaktlofte.AddinApi.Tests.Addin;

/// <summary>
/// The offline check of manifest.xml (Microsoft's validator sends manifests to an online service, unusable here):
/// ids, versions, resource ids, URLs, permissions, requirement sets, the LaunchEvent and its handler, the icons.
/// </summary>
[TestClass]
public sealed partial class ManifestTests
{
    private static readonly string Root = FindRoot();
    private static readonly XDocument Manifest = XDocument.Load(Path.Combine(Root, "manifest.xml"));
    private static readonly XNamespace App = "http://schemas.microsoft.com/office/appforoffice/1.1";
    private static readonly XNamespace Bt = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";
    private static readonly XNamespace V10 = "http://schemas.microsoft.com/office/mailappversionoverrides";
    private static readonly XNamespace V11 = "http://schemas.microsoft.com/office/mailappversionoverrides/1.1";
    private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "manifest.xml"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("manifest.xml not found above the test output");
    }

    private static string WebRoot => Path.Combine(Root, "src", "AddinApi", "wwwroot");

    [TestMethod]
    public void The_id_is_a_guid_and_the_version_has_four_parts()
    {
        Assert.IsTrue(Guid.TryParse(Manifest.Root!.Element(App + "Id")!.Value, out _));
        StringAssert.Matches(Manifest.Root.Element(App + "Version")!.Value, FourPartVersion());
        Assert.AreEqual("MailApp", Manifest.Root.Attribute(Xsi + "type")!.Value);
        Assert.AreEqual("ReadWriteItem", Manifest.Root.Element(App + "Permissions")!.Value);
    }

    [TestMethod]
    public void Every_resid_resolves_within_its_own_version_overrides()
    {
        var outer = Manifest.Descendants(V10 + "VersionOverrides").Single();
        var inner = outer.Descendants(V11 + "VersionOverrides").Single();
        foreach (var (block, ns) in new[] { (outer, V10), (inner, V11) })
        {
            var resources = block.Elements(ns + "Resources").Single();
            var ids = resources.Descendants().Select(e => e.Attribute("id")?.Value).Where(v => v is not null).ToHashSet();
            var used = block.Descendants().Where(e => e.Name.Namespace == ns || e.Name.Namespace == Bt)
                .Where(e => !(block == outer && e.Ancestors(V11 + "VersionOverrides").Any()))
                .Select(e => e.Attribute("resid")?.Value).Where(v => v is not null).ToList();
            Assert.IsNotEmpty(used);
            foreach (var resid in used) Assert.Contains(resid, ids, $"resid {resid} in {ns}");
        }
    }

    [TestMethod]
    public void Every_url_is_https_on_one_host()
    {
        var urls = Manifest.Descendants().SelectMany(e => e.Attributes("DefaultValue").Select(a => a.Value).Append(e.Value))
            .Where(v => v.StartsWith("http", StringComparison.Ordinal) && !v.Contains(' ', StringComparison.Ordinal)).Distinct().ToList();
        Assert.IsGreaterThan(5, urls.Count);
        var hosts = urls.Select(u => new Uri(u)).Select(u => $"{u.Scheme}://{u.Authority}").Distinct().ToList();
        CollectionAssert.AreEqual(new[] { "https://localhost:5443" }, hosts);
    }

    [TestMethod]
    public void The_send_event_soft_blocks_and_its_function_exists_in_the_built_runtime_file()
    {
        var launch = Manifest.Descendants(V11 + "LaunchEvent").Single();
        Assert.AreEqual("OnMessageSend", launch.Attribute("Type")!.Value);
        Assert.AreEqual("SoftBlock", launch.Attribute("SendMode")!.Value);
        var function = launch.Attribute("FunctionName")!.Value;
        var runtime = File.ReadAllText(Path.Combine(WebRoot, "addin", "launchevent.js"));
        StringAssert.Contains(runtime, $"\"{function}\"", "Office.actions.associate must name the manifest's function");
        Assert.IsFalse(ImportStatement().IsMatch(runtime), "classic Outlook on Windows runs the file without imports");
        var set = Manifest.Descendants(V11 + "Requirements").Single().Element(Bt + "Sets")!;
        Assert.AreEqual("1.12", set.Attribute("DefaultMinVersion")!.Value);
        Assert.AreEqual("1.8", Manifest.Root!.Element(App + "Requirements")!.Descendants(App + "Set").Single().Attribute("MinVersion")!.Value);
    }

    [TestMethod]
    public void Both_surfaces_and_the_registration_button_open_the_pane()
    {
        var inner = Manifest.Descendants(V11 + "VersionOverrides").Single();
        var points = inner.Descendants(V11 + "ExtensionPoint").Select(e => e.Attribute(Xsi + "type")!.Value).ToList();
        CollectionAssert.AreEquivalent(new[] { "MessageReadCommandSurface", "MessageComposeCommandSurface", "LaunchEvent" }, points);
        var labels = inner.Descendants(Bt + "String").ToDictionary(s => s.Attribute("id")!.Value, s => s.Attribute("DefaultValue")!.Value);
        Assert.AreEqual("Registrera i Lex", labels["Register.Label"]);
        Assert.AreEqual("Kontaktlöfte", labels["Pane.Label"]);
    }

    [TestMethod]
    public void The_pane_opens_in_function_mailboxes_and_shared_folders_where_the_schema_allows_it()
    {
        // MailAppVersionOverridesV1_1.xsd: SupportsSharedFolders is an optional first child of DesktopFormFactor, before
        // FunctionFile and the extension points (read and compose alike); the 1.0 schema has no such element.
        var inner = Manifest.Descendants(V11 + "VersionOverrides").Single();
        var desktop = inner.Descendants(V11 + "DesktopFormFactor").Single();
        var children = desktop.Elements().Select(e => e.Name.LocalName).ToList();
        Assert.AreEqual("SupportsSharedFolders", children[0]);
        Assert.AreEqual("true", desktop.Element(V11 + "SupportsSharedFolders")!.Value);
        Assert.AreEqual("FunctionFile", children[1]);
        CollectionAssert.AreEqual(new[] { "MessageReadCommandSurface", "MessageComposeCommandSurface", "LaunchEvent" },
            desktop.Elements(V11 + "ExtensionPoint").Select(e => e.Attribute(Xsi + "type")!.Value).ToArray());
        Assert.HasCount(1, Manifest.Descendants().Where(e => e.Name.LocalName == "SupportsSharedFolders").ToList(),
            "not in the 1.0 overrides, whose schema would refuse it");

        // getSharedPropertiesAsync needs Mailbox 1.8: the whole add-in asks for at least that.
        var minimum = Version.Parse(Manifest.Root!.Element(App + "Requirements")!.Descendants(App + "Set").Single().Attribute("MinVersion")!.Value);
        Assert.IsGreaterThanOrEqualTo(new Version(1, 8), minimum);
        var overrides = Version.Parse(inner.Element(V11 + "Requirements")!.Element(Bt + "Sets")!.Attribute("DefaultMinVersion")!.Value);
        Assert.IsGreaterThanOrEqualTo(new Version(1, 8), overrides);
    }

    [TestMethod]
    public void Every_file_the_manifest_names_exists_in_the_built_add_in()
    {
        var files = Manifest.Descendants().SelectMany(e => e.Attributes("DefaultValue").Select(a => a.Value))
            .Where(v => v.StartsWith("https://", StringComparison.Ordinal)).Select(v => new Uri(v).AbsolutePath).Distinct().ToList();
        foreach (var path in files) Assert.IsTrue(File.Exists(Path.Combine(WebRoot, path.TrimStart('/'))), path);
        foreach (var size in new[] { 16, 32, 64, 80, 128 })
            Assert.IsTrue(File.Exists(Path.Combine(WebRoot, "addin", "assets", $"icon-{size}.png")), $"icon {size}");
    }

    [GeneratedRegex(@"^\d+\.\d+\.\d+\.\d+$")]
    private static partial Regex FourPartVersion();

    [GeneratedRegex(@"(^|[;}\s])import\s*[{*""']|(^|[;}\s])import\s+\w+\s+from|\bimport\(|^export\s", RegexOptions.Multiline)]
    private static partial Regex ImportStatement();
}
