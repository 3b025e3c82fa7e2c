using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Npgsql;

namespace IgnitionToolkit.Testing;

/// <summary>
/// A whole toolkit back end for one test: the built API and one or more Runners as real processes started from a
/// temporary working directory, a unique bus prefix on the real RabbitMQ, a copy of the example library, and either
/// SQLite (default) or a fresh database on the real PostgreSQL. Disposing stops every process and removes the data.
/// </summary>
public sealed class ToolkitStack : IAsyncDisposable
{
    private readonly List<ToolkitProcess> _runners = [];
    private readonly string? _postgresDatabase;
    private readonly Dictionary<string, string> _environment;

    private ToolkitStack(string root, Dictionary<string, string> environment, string? postgresDatabase)
    {
        Root = root;
        _environment = environment;
        _postgresDatabase = postgresDatabase;
    }

    public string Root { get; }
    /// <summary>The bus prefix (<c>Toolkit:Bus:Prefix</c>) the services of this stack use.</summary>
    public string BusPrefix => _environment["Toolkit__Bus__Prefix"];
    public string WorkingDirectory => Path.Combine(Root, "cwd");
    public string Library => Path.Combine(Root, "playbooks");
    /// <summary>The data folder the API and the Runners share (database, artifacts, vault key).</summary>
    public string DataDirectory => Path.Combine(Root, "data");
    /// <summary>Bus prefix of this stack (queue and exchange names start with it).</summary>
    public string Prefix => _environment["Toolkit__Bus__Prefix"];
    public ToolkitProcess Api { get; private set; } = null!;
    public IReadOnlyList<ToolkitProcess> Runners => _runners;
    /// <summary>A client of the API signed in as the stack's admin (<see cref="AdminUser"/>).</summary>
    public HttpClient Http { get; private set; } = null!;

    /// <summary>The first admin the API creates from configuration (<c>Toolkit__Auth__AdminUser/AdminPassword</c>).</summary>
    public const string AdminUser = "admin";
    public const string AdminPassword = "stack-admin-password";

    public static async Task<ToolkitStack> StartAsync(bool postgres = false, int runners = 1, double heartbeatTimeoutSeconds = 30)
    {
        var root = Directory.CreateTempSubdirectory("toolkit-ft-").FullName;
        Directory.CreateDirectory(Path.Combine(root, "cwd"));
        CopyDirectory(Path.Combine(RepositoryLayout.Root, "playbooks"), Path.Combine(root, "playbooks"));
        var prefix = "ft" + Guid.NewGuid().ToString("N")[..10];
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__messaging"] = TestServices.RabbitMq,
            ["Toolkit__Bus__Prefix"] = prefix,
            ["Toolkit__DataDirectory"] = Path.Combine(root, "data"),
            ["Toolkit__PlaybooksDirectory"] = Path.Combine(root, "playbooks"),
            ["Toolkit__Executions__HeartbeatTimeout"] = heartbeatTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Runner__HeartbeatInterval"] = "00:00:01",
            // Shared by the API and the Runners to pass credentials encrypted, as the AppHost does.
            ["Toolkit__Bus__CredentialKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
        };
        string? database = null;
        if (postgres)
        {
            database = prefix;
            await using var connection = new NpgsqlConnection(TestServices.Postgres);
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
            await create.ExecuteNonQueryAsync();
            environment["ConnectionStrings__toolkitdb"] = $"{TestServices.Postgres};Database={database}";
        }

        var stack = new ToolkitStack(root, environment, database);
        try
        {
            stack.Api = ToolkitProcess.Start("IgnitionToolkit.Api", stack.WorkingDirectory, new Dictionary<string, string>(environment)
            {
                // Every /api/v1 call needs a token: the API signs them with this key and creates this admin at first start.
                ["Toolkit__Auth__SigningKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48)),
                ["Toolkit__Auth__AdminUser"] = AdminUser,
                ["Toolkit__Auth__AdminPassword"] = AdminPassword,
            });
            await stack.Api.WaitHealthyAsync(TimeSpan.FromSeconds(90));
            stack.Http = await stack.CreateClientAsync(AdminUser, AdminPassword);
            for (var i = 0; i < runners; i++) await stack.AddRunnerAsync();
        }
        catch
        {
            await stack.DisposeAsync();
            throw;
        }
        return stack;
    }

    /// <summary>Signs in through <c>POST /api/v1/auth/login</c> and returns the access token.</summary>
    public async Task<string> LoginAsync(string userName, string password)
    {
        using var anonymous = new HttpClient { BaseAddress = Api.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        using var response = await anonymous.PostAsJsonAsync("api/v1/auth/login", new { username = userName, password });
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"login of {userName} → {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!["access_token"]!.GetValue<string>();
    }

    /// <summary>A client of the API signed in as <paramref name="userName"/>.</summary>
    public async Task<HttpClient> CreateClientAsync(string userName, string password)
    {
        var token = await LoginAsync(userName, password);
        var client = new HttpClient { BaseAddress = Api.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task<ToolkitProcess> AddRunnerAsync()
    {
        var environment = new Dictionary<string, string>(_environment) { ["Runner__Id"] = $"ft-runner-{_runners.Count + 1}-{Guid.NewGuid():N}"[..24] };
        var runner = ToolkitProcess.Start("IgnitionToolkit.Runner", WorkingDirectory, environment);
        _runners.Add(runner);
        await runner.WaitHealthyAsync(TimeSpan.FromSeconds(90));
        return runner;
    }

    /// <summary>Starts an execution through the API and returns its id.</summary>
    public async Task<Guid> StartExecutionAsync(string playbook, object? parameters = null, bool debug = false)
    {
        using var response = await Http.PostAsJsonAsync("api/v1/executions", new { playbook, parameters = parameters ?? new { }, debug_mode = debug });
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"POST /executions → {(int)response.StatusCode}: {body}");
        return Guid.Parse(JsonNode.Parse(body)!["id"]!.GetValue<string>());
    }

    public async Task<JsonNode> GetExecutionAsync(Guid id) =>
        JsonNode.Parse(await Http.GetStringAsync($"api/v1/executions/{id}"))!;

    /// <summary>Polls the execution until <paramref name="done"/> holds; fails with the last state seen.</summary>
    public async Task<JsonNode> WaitForAsync(Guid id, Func<JsonNode, bool> done, double timeoutSeconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        JsonNode last;
        do
        {
            last = await GetExecutionAsync(id);
            if (done(last)) return last;
            await Task.Delay(100);
        } while (DateTime.UtcNow < deadline);
        throw new TimeoutException($"execution {id} did not reach the expected state: {last.ToJsonString()}\nAPI:\n{Api.Output}\nRunner:\n{string.Join("\n", _runners.Select(r => r.Output))}");
    }

    public Task<JsonNode> WaitForStatusAsync(Guid id, string status, double timeoutSeconds = 60) =>
        WaitForAsync(id, e => Status(e) == status, timeoutSeconds);

    public static string Status(JsonNode execution) => execution["execution"]!["status"]!.GetValue<string>();

    public async Task SendAsync(Guid id, string command)
    {
        using var response = await Http.PostAsync($"api/v1/executions/{id}/{command}", null);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{command} → {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var runner in _runners) await runner.DisposeAsync();
        if (Api is not null) await Api.DisposeAsync();
        Http?.Dispose();
        if (_postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(TestServices.Postgres);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // a file still held by a dying process; the OS temp cleaner takes it
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(dir.Replace(from, to, StringComparison.Ordinal));
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, file.Replace(from, to, StringComparison.Ordinal));
    }
}
