namespace IgnitionToolkit.AppHost.Hosting;

/// <summary>The AppHost cannot be wired as configured; the message says what to change.</summary>
public sealed class ToolkitHostingException(string message) : Exception(message);
