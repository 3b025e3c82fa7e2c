namespace IgnitionToolkit.Runner.Cli;

/// <summary>Hand-rolled command-line parsing: positional arguments, repeatable <c>--param</c>, valued and flag options.
/// Both <c>--name value</c> and <c>--name=value</c> are accepted.</summary>
public sealed class CliArguments
{
    private static readonly HashSet<string> Valued = ["param", "param-file"];
    private static readonly HashSet<string> Flags = ["dry-run", "debug-off", "help"];

    public List<string> Positional { get; } = [];
    public List<string> Params { get; } = [];
    public string? ParamFile { get; private set; }
    public HashSet<string> SetFlags { get; } = [];

    public bool Has(string flag) => SetFlags.Contains(flag);

    /// <summary>Parses <paramref name="args"/>; null with <paramref name="error"/> for an unknown option or a missing value.</summary>
    public static CliArguments? Parse(IEnumerable<string> args, out string? error)
    {
        var result = new CliArguments();
        using var items = args.GetEnumerator();
        while (items.MoveNext())
        {
            var arg = items.Current;
            if (arg is "-h") arg = "--help";
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg == "--")
            {
                result.Positional.Add(arg);
                continue;
            }

            var name = arg[2..];
            string? value = null;
            var equals = name.IndexOf('=', StringComparison.Ordinal);
            if (equals >= 0) (name, value) = (name[..equals], name[(equals + 1)..]);

            if (Flags.Contains(name) && value is null)
            {
                result.SetFlags.Add(name);
                continue;
            }
            if (!Valued.Contains(name))
            {
                error = $"unknown option '--{name}'";
                return null;
            }
            if (value is null)
            {
                if (!items.MoveNext())
                {
                    error = $"option '--{name}' needs a value";
                    return null;
                }
                value = items.Current;
            }
            if (name == "param") result.Params.Add(value);
            else result.ParamFile = value;
        }
        error = null;
        return result;
    }
}
