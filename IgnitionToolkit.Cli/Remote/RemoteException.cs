namespace IgnitionToolkit.Cli.Remote;

/// <summary>A remote command cannot go on: <see cref="ExitCode"/> is one of the documented exit codes and
/// <see cref="Exception.Message"/> the one line printed (never a token or a password). <see cref="Transient"/>: the
/// server could not be reached or answered "unavailable" (worth asking again while waiting for a run).</summary>
public sealed class RemoteException(int exitCode, string message, bool transient = false) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
    public bool Transient { get; } = transient;
}
