using IgnitionToolkit.GatewaySimulator.Hosting;

// A faithful stand-alone Ignition 8.3 gateway simulator; see docs/gateway-simulator.md.
var app = SimulatorApp.Build(args);
app.Run();

/// <summary>Entry point type, visible to tests.</summary>
public partial class Program;
