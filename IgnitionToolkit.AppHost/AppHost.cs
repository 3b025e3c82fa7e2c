var builder = DistributedApplication.CreateBuilder(args);
var api = builder.AddProject<Projects.IgnitionToolkit_Api>("api").WithHttpEndpoint(port: 5080, name: "http");
builder.Build().Run();
