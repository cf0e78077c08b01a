using System.Formats.Tar;
using System.IO.Compression;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using System.Text.Json;

namespace Kontaktlofte.Addin.E2E;

/// <summary>
/// Which headless Chromium the browser tests drive. A system browser when there is one: PLAYWRIGHT_CHROMIUM_EXECUTABLE
/// if set, else /usr/bin/chromium if it exists. Else the one this project's own restore brought: the npm package
/// @sparticuz/chromium (package.json beside this file; the csproj runs `npm ci` when node_modules is missing).
/// </summary>
/// <remarks>
/// Why: `dotnet test` has to pass on a fresh machine that has .NET and Node but no browser, and Playwright's own browser
/// download cannot work here (only the npm registry, NuGet and Debian's packages are reachable). @sparticuz/chromium
/// ships a Linux x64 chrome-headless-shell as bin/chromium.br (Brotli) beside bin/al2023.tar.br (libnss3, libnspr4,
/// libexpat: the libraries beyond glibc that it links) and bin/fonts.tar.br (Open Sans). They are unpacked once per
/// package version into ~/.cache/kontaktlofte/chromium-VERSION (XDG_CACHE_HOME if set), not per test: into a temporary
/// folder first, then renamed into place, so that two test processes starting at once never see half a browser. The
/// browser gets the bundled libraries through LD_LIBRARY_PATH, so it does not depend on the machine having them, and a
/// fontconfig file that adds Open Sans to the machine's own fonts, so that pages render text even where the machine
/// has no fonts (where it has some, they are still the ones used: screenshots look as they do with Debian's Chromium).
/// Its bin/swiftshader.tar.br is not unpacked: the tests run with --disable-gpu.
/// </remarks>
internal static class Chromium
{
    private const string SystemChromium = "/usr/bin/chromium";

    /// <summary>The browser to launch and, for the bundled one, the environment it needs (null: inherit).</summary>
    public sealed record Browser(string ExecutablePath, IReadOnlyDictionary<string, string>? Environment);

    public static Browser Find()
    {
        if (System.Environment.GetEnvironmentVariable("PLAYWRIGHT_CHROMIUM_EXECUTABLE") is { Length: > 0 } path)
            return new(path, null);
        if (File.Exists(SystemChromium))
            return new(SystemChromium, null);
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64)
            throw new PlatformNotSupportedException(
                $"No Chromium: {SystemChromium} is missing and @sparticuz/chromium ships a Linux x64 build only. Set PLAYWRIGHT_CHROMIUM_EXECUTABLE to a Chromium or Chrome.");
        return Bundled();
    }

    [SupportedOSPlatform("linux")]
    private static Browser Bundled()
    {
        var package = typeof(Chromium).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "SparticuzChromiumPackage").Value!;
        if (!File.Exists(Path.Combine(package, "bin", "chromium.br")))
            throw new InvalidOperationException(
                $"No Chromium: neither PLAYWRIGHT_CHROMIUM_EXECUTABLE nor {SystemChromium}, and {package} is missing or incomplete. " +
                "Building this project runs `npm ci` in tests/Addin.E2E, which brings it: is npm on the PATH?");
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(package, "package.json")));
        var version = manifest.RootElement.GetProperty("version").GetString()!;

        var folder = Unpacked(Path.Combine(package, "bin"), Path.Combine(CacheRoot(), "chromium-" + version));
        var environment = System.Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? "", StringComparer.Ordinal);
        var lib = Path.Combine(folder, "lib");
        environment["LD_LIBRARY_PATH"] = environment.TryGetValue("LD_LIBRARY_PATH", out var inherited) && inherited.Length > 0
            ? lib + ":" + inherited : lib;
        environment["FONTCONFIG_PATH"] = folder;
        environment.Remove("FONTCONFIG_FILE");
        return new(Path.Combine(folder, "chromium"), environment);
    }

    private static string CacheRoot()
    {
        var xdg = System.Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        var home = System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile);
        var root = xdg is { Length: > 0 } ? xdg : home.Length > 0 ? Path.Combine(home, ".cache") : Path.GetTempPath();
        return Path.Combine(root, "kontaktlofte");
    }

    private static bool IsComplete(string folder) =>
        File.Exists(Path.Combine(folder, "chromium")) && File.Exists(Path.Combine(folder, "fonts.conf"))
        && File.Exists(Path.Combine(folder, "lib", "libnss3.so"));

    /// <summary>The unpacked browser in <paramref name="target"/>, unpacking it first if no process has yet.</summary>
    [SupportedOSPlatform("linux")]
    private static string Unpacked(string bin, string target)
    {
        if (IsComplete(target)) return target;
        var parent = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(parent);
        RemoveLeftovers(parent);
        if (Directory.Exists(target) && !IsComplete(target))
        {
            // Left incomplete by hand or by a cache cleaner (a copy only ever appears whole, by rename): moved aside in
            // one rename, then deleted, so that a new copy can take its place.
            try
            {
                var aside = $"{target}.{Guid.NewGuid():N}.tmp";
                Directory.Move(target, aside);
                Directory.Delete(aside, recursive: true);
            }
            catch (IOException) { }
        }

        var temp = $"{target}.{Guid.NewGuid():N}.tmp";
        Directory.CreateDirectory(temp);
        try
        {
            var executable = Path.Combine(temp, "chromium");
            using (var source = File.OpenRead(Path.Combine(bin, "chromium.br")))
            using (var brotli = new BrotliStream(source, CompressionMode.Decompress))
            using (var file = File.Create(executable))
                brotli.CopyTo(file);
            File.SetUnixFileMode(executable, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            ExtractTar(Path.Combine(bin, "al2023.tar.br"), temp); // lib/
            ExtractTar(Path.Combine(bin, "fonts.tar.br"), temp);  // fonts/Open_Sans/, and a fonts.conf for Lambda's paths
            File.WriteAllText(Path.Combine(temp, "fonts.conf"), FontConfig(target));
            Directory.Move(temp, target);
        }
        catch (IOException) when (IsComplete(target))
        {
            // Another test process renamed its copy into place first: that one is used, this one is thrown away.
        }
        finally
        {
            if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
        }
        return target;
    }

    private static void ExtractTar(string archive, string folder)
    {
        using var source = File.OpenRead(archive);
        using var brotli = new BrotliStream(source, CompressionMode.Decompress);
        TarFile.ExtractToDirectory(brotli, folder, overwriteFiles: true);
    }

    /// <summary>The machine's own fontconfig setup when it has one, plus the bundled Open Sans.</summary>
    private static string FontConfig(string folder) => $"""
        <?xml version="1.0"?>
        <!DOCTYPE fontconfig SYSTEM "fonts.dtd">
        <fontconfig>
          <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
          <dir>{Path.Combine(folder, "fonts")}</dir>
          <cachedir>{Path.Combine(folder, "fontconfig-cache")}</cachedir>
        </fontconfig>
        """;

    /// <summary>Deletes temporary folders that a test process killed while unpacking left behind (an hour old or more).</summary>
    private static void RemoveLeftovers(string parent)
    {
        foreach (var folder in Directory.EnumerateDirectories(parent, "*.tmp"))
        {
            try
            {
                if (Directory.GetLastWriteTimeUtc(folder) < DateTime.UtcNow.AddHours(-1))
                    Directory.Delete(folder, recursive: true);
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }
}
