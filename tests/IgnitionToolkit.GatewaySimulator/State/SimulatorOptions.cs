namespace IgnitionToolkit.GatewaySimulator.State;

/// <summary>Seed and behaviour of the simulated gateway (configuration section <c>Simulator</c>).</summary>
public sealed class SimulatorOptions
{
    public const string SectionName = "Simulator";

    public string GatewayName { get; set; } = "Ignition-Simulator";

    /// <summary>Suffix of the <c>webui-sid-&lt;gatewayId&gt;</c> session cookie.</summary>
    public string GatewayId { get; set; } = "5f3c2a1e";

    public string Version { get; set; } = "8.3.8 (b2026071409)";

    public string Edition { get; set; } = "standard";

    public string Hostname { get; set; } = "localhost";

    /// <summary>False simulates a fresh gateway that still needs commissioning.</summary>
    public bool Commissioned { get; set; } = true;

    /// <summary>Length of the (resettable) trial period.</summary>
    public int TrialSeconds { get; set; } = 7200;

    public List<SeedUser> Users { get; set; } = [];

    public List<SeedApiKey> ApiKeys { get; set; } = [];

    public List<SeedProject> Projects { get; set; } = [];

    public List<SeedModule> Modules { get; set; } = [];

    public RestartOptions Restart { get; set; } = new();

    public FaultSettings Faults { get; set; } = new();

    /// <summary>Fills empty lists with the documented defaults (configuration binding appends to lists, so defaults live here).</summary>
    public SimulatorOptions WithDefaults()
    {
        if (Users.Count == 0)
        {
            Users.Add(new SeedUser { Username = "admin", Password = "password", Roles = ["Administrator"] });
            Users.Add(new SeedUser { Username = "viewer", Password = "viewer", Roles = ["Viewer"], ReadOnly = true });
        }
        if (ApiKeys.Count == 0)
        {
            ApiKeys.Add(new SeedApiKey { Name = "toolkit", Secret = "toolkit-secret", CanWrite = true });
            ApiKeys.Add(new SeedApiKey { Name = "reader", Secret = "reader-secret", CanWrite = false });
        }
        if (Projects.Count == 0)
        {
            Projects.Add(new SeedProject { Name = "global", Title = "Global", Description = "Shared resources", Inheritable = true });
            Projects.Add(new SeedProject { Name = "SCADA_Main", Title = "SCADA Main", Description = "Main plant SCADA", Parent = "global" });
            Projects.Add(new SeedProject { Name = "Demo_HMI", Title = "Demo HMI", Description = "Perspective demo screens" });
        }
        if (Modules.Count == 0)
        {
            Modules.Add(new SeedModule { Id = "com.inductiveautomation.perspective", Name = "Perspective", Version = "3.3.8 (b2026071409)" });
            Modules.Add(new SeedModule { Id = "com.inductiveautomation.opcua", Name = "OPC UA", Version = "10.3.8 (b2026071409)" });
            Modules.Add(new SeedModule { Id = "com.inductiveautomation.historian", Name = "Historian Core", Version = "2.3.8 (b2026071409)" });
        }
        return this;
    }
}

public sealed class SeedUser
{
    public string Username { get; set; } = "";
    public string Password { get; set; } = "";
    public List<string> Roles { get; set; } = [];
    /// <summary>A read-only user may read through a cookie session but gets 403 on writes.</summary>
    public bool ReadOnly { get; set; }
}

public sealed class SeedApiKey
{
    public string Name { get; set; } = "";
    public string Secret { get; set; } = "";
    public bool CanWrite { get; set; }
}

public sealed class SeedProject
{
    public string Name { get; set; } = "";
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public bool Enabled { get; set; } = true;
    public string? Parent { get; set; }
    public bool Inheritable { get; set; }
}

public sealed class SeedModule
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string Version { get; set; } = "";
}

/// <summary>Timing of a restart: [Delay] still RUNNING, then [RefuseConnectionsFor] dropped connections,
/// then STARTING until [Duration] has passed since the drop began, then RUNNING with modules LOADING for [ModuleLoadDuration].</summary>
public sealed class RestartOptions
{
    public TimeSpan Delay { get; set; } = TimeSpan.Zero;
    public TimeSpan RefuseConnectionsFor { get; set; } = TimeSpan.FromSeconds(2);
    public TimeSpan Duration { get; set; } = TimeSpan.FromSeconds(6);
    public TimeSpan ModuleLoadDuration { get; set; } = TimeSpan.FromSeconds(5);
    /// <summary>Each phase of a restart (refusing, STARTING, modules LOADING) also lasts until a client has met it once,
    /// however slow the client or the machine: tests of a client that must see every phase.</summary>
    public bool ObserveEachPhase { get; set; }

    public RestartOptions Copy() => (RestartOptions)MemberwiseClone();
}
