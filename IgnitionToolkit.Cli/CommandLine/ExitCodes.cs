namespace IgnitionToolkit.Cli.CommandLine;

/// <summary>The documented exit codes of <c>ignition-toolkit</c> (docs/cli.md), the same for every command.</summary>
public static class ExitCodes
{
    /// <summary>The command or the execution completed.</summary>
    public const int Success = 0;

    /// <summary>A step failed (the execution failed), or a check of <c>doctor</c> failed.</summary>
    public const int Failed = 1;

    /// <summary>Invalid input: playbook, parameters, options, a missing file.</summary>
    public const int InvalidInput = 2;

    /// <summary>Cancelled or interrupted (Ctrl+C, SIGTERM, or the execution was cancelled).</summary>
    public const int Cancelled = 3;

    /// <summary>The server is unreachable or refused the credentials.</summary>
    public const int ServerUnavailable = 4;
}
