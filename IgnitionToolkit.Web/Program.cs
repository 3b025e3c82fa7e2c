using IgnitionToolkit.Web.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddToolkitWeb();

var app = builder.Build();
app.UseToolkitWeb();
app.Run();
