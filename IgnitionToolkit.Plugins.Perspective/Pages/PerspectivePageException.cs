namespace IgnitionToolkit.Plugins.Perspective.Pages;

/// <summary>A browser step failed in a way an integrator understands (the message says what was seen).</summary>
public sealed class PerspectivePageException(string message, Exception? inner = null) : Exception(message, inner);
