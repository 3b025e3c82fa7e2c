using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace IgnitionToolkit.Core.Plugins.BuiltIn.Python;

/// <summary><c>utility.python</c>: runs a Python script (v4/v5 playbooks) in a separate <c>python3</c> process with the
/// original toolkit's globals; printed <c>KEY=value</c> lines and the <c>result</c> dict become outputs. See
/// <c>docs/python-step.md</c>.</summary>
public sealed partial class PythonStep : IStepPlugin
{
    private readonly PythonStepOptions _options;

    public PythonStep(PythonStepOptions? options = null)
    {
        _options = options ?? new PythonStepOptions();
        Descriptor = new StepTypeDescriptor(
            TypeName, "utility",
            "Runs a Python script in a separate python3 process (v4/v5 playbooks): set_variable/get_variable, printed KEY=value lines " +
            "and the result dict become outputs. The script runs with the Runner's rights.",
            [
                new StepParameterSchema("script", StepParameterType.String, Required: true,
                    Description: "Python source; templates are pasted in first (True/False/None for booleans and null). 'code' is another name.")
                {
                    TemplateStyle = TemplateStyle.Python,
                },
            ],
            Outputs: [new StepOutputSchema("_output", StepParameterType.String, "Everything the script printed to stdout.")])
        {
            ParameterAliases = new Dictionary<string, string> { ["code"] = "script" },
            DisabledReason = _options.Enabled ? null
                : $"{PythonStepOptions.EnabledKey} is false (environment variable {PythonStepOptions.EnvironmentName(PythonStepOptions.EnabledKey)})",
            SetsRunTimeVariables = true,
            HasRunTimeOutputs = true,
        };
    }

    public StepTypeDescriptor Descriptor { get; }

    public async Task<StepResult> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Descriptor.DisabledReason is { } disabled) return StepResult.Failed($"utility.python is disabled on this deployment: {disabled}");
        if (!OperatingSystem.IsLinux()) return StepResult.Failed("utility.python runs only on Linux hosts");
        var source = context.Get<string>("script") ?? context.Get<string>("code")
            ?? throw new StepParameterException("script", "parameter 'script' is required");

        string interpreter;
        try
        {
            interpreter = await PythonInterpreter.ResolveAsync(_options.Interpreter).WaitAsync(cancellationToken);
        }
        catch (InvalidOperationException ex)
        {
            return StepResult.Failed(ex.Message);
        }

        var folder = context.Items.GetOrAdd(PythonWorkDirectory.ItemKey, () => new PythonWorkDirectory(context.ExecutionId));
        var init = new JsonObject
        {
            ["source"] = source,
            ["variables"] = PythonValues.ToJson(context.Variables),
            ["parameters"] = PythonValues.ToJson(context.PlaybookParameters),
            ["step_output"] = PythonValues.ToJson(context.StepOutputs),
        };
        context.Logger.LogDebug("running the script with {Interpreter} in {Folder}", interpreter, folder.Home);
        var listener = new Listener(context);
        var outcome = await PythonProcess.RunAsync(new PythonRunRequest(interpreter, folder.Home, folder.NextSocketPath(), init), listener,
            cancellationToken);
        return ToResult(outcome);
    }

    private static StepResult ToResult(PythonOutcome outcome)
    {
        var outputs = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var line in outcome.Stdout.Split('\n'))
        {
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0) continue;
            var key = line[..equals].Trim();
            if (OutputKey().IsMatch(key)) outputs[key] = line[(equals + 1)..].Trim();
        }
        if (outcome.Result is { } result)
            foreach (var property in result.EnumerateObject()) outputs[property.Name] = PythonValues.FromJson(property.Value);
        outputs["_output"] = outcome.Stdout;

        return outcome.Status switch
        {
            "ok" => StepResult.Completed(outputs),
            "error" when outcome.Error is { } error => StepResult.Failed(Describe(error), outputs),
            "exit" => StepResult.Failed($"the script exited with code {Code(outcome)}" +
                (outcome.ExitMessage is { } m ? ": " + m : ""), outputs),
            _ when outcome.ExitCode == 0 => StepResult.Completed(outputs), // os._exit(0)
            _ => StepResult.Failed($"the Python process ended with code {Code(outcome)} before the script finished" +
                (outcome.LastStderrLine is { } last ? ": " + last : ""), outputs),
        };
    }

    private static string Code(PythonOutcome outcome) => outcome.ExitCode.ToString(CultureInfo.InvariantCulture);

    /// <summary>"ValueError: bad value (script line 12: x = int(s))".</summary>
    private static string Describe(JsonElement error)
    {
        var type = error.TryGetProperty("type", out var t) ? t.GetString() : "Exception";
        var message = error.TryGetProperty("message", out var m) ? m.GetString() : null;
        var where = error.TryGetProperty("line", out var l) && l.ValueKind == JsonValueKind.Number
            ? $" (script line {l.GetInt32()}" + (error.TryGetProperty("text", out var text) && text.GetString() is { Length: > 0 } code ? $": {code})" : ")")
            : "";
        return $"{type}{(string.IsNullOrEmpty(message) ? "" : ": " + message)}{where}";
    }

    [GeneratedRegex(@"^\w+$")]
    private static partial Regex OutputKey();

    /// <summary>The most lines of one attempt's output written to the execution log; the rest stays in <c>_output</c>.</summary>
    public const int MaxLogLines = 10_000;

    /// <summary>The step type's name.</summary>
    public const string TypeName = "utility.python";

    /// <summary>Streams the script's lines into the step's log and applies set_variable at once.</summary>
    private sealed class Listener(StepContext context) : IPythonListener
    {
        private int _lines;

        public void Stdout(string line)
        {
            if (Admit()) context.Logger.LogStep(line);
        }

#pragma warning disable CA2254 // the script's own text
        public void Stderr(string line)
        {
            if (Admit()) context.Logger.LogWarning(line);
        }
#pragma warning restore CA2254

        private bool Admit()
        {
            var count = Interlocked.Increment(ref _lines);
            if (count == MaxLogLines + 1)
                context.Logger.LogWarning("more than {Lines} lines of output: the rest is not logged (stdout stays in the _output output)", MaxLogLines);
            return count <= MaxLogLines;
        }

        public void SetVariable(string name, object? value)
        {
            lock (context.Variables) context.Variables[name] = value;
        }
    }
}
