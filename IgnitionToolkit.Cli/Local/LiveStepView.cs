using System.Globalization;
using IgnitionToolkit.Contracts;
using IgnitionToolkit.Contracts.Events;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace IgnitionToolkit.Cli.Local;

/// <summary>The live step view of <c>run</c> at a terminal (Spectre.Console): one row per step (nested steps indented)
/// with its status, attempt, duration and last log line, redrawn in place while the run goes on and left on screen when
/// it ends. Used only when standard output is a terminal and <c>CI</c> is not set; elsewhere runs print plain lines.
/// Fed the same events as the plain printer (already masked: no secret values).</summary>
public sealed class LiveStepView : IAsyncDisposable
{
    private static readonly TimeSpan Redraw = TimeSpan.FromMilliseconds(100);
    private readonly Lock _gate = new();
    private readonly List<Row> _rows = [];
    private readonly Dictionary<string, Row> _byPath = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _display;
    private string _title = "Starting...";

    public LiveStepView(TextWriter output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.Standard,
            Interactive = InteractionSupport.Yes,
        });
        _display = console.Live(Render()).AutoClear(false).StartAsync(async context =>
        {
            while (!_done.Task.IsCompleted)
            {
                context.UpdateTarget(Render());
                await Task.WhenAny(_done.Task, Task.Delay(Redraw));
            }
            context.UpdateTarget(Render());
        });
    }

    public void Apply(ExecutionEvent executionEvent)
    {
        lock (_gate)
        {
            switch (executionEvent)
            {
                case ExecutionStartedEvent e:
                    _title = $"{e.PlaybookName} ({e.StepCount} steps)";
                    break;
                case StepStartedEvent e:
                    if (!_byPath.TryGetValue(e.StepPath, out var row))
                    {
                        var depth = e.ParentPath is not null && _byPath.TryGetValue(e.ParentPath, out var parent) ? parent.Depth + 1 : 0;
                        row = new Row(e.StepPath, depth, e.StepId, e.StepType);
                        _byPath[e.StepPath] = row;
                        InsertAfterParent(row, e.ParentPath);
                    }
                    (row.Status, row.Attempt, row.Duration) = ("running", e.Attempt, "");
                    break;
                case StepFinishedEvent e:
                    if (!_byPath.TryGetValue(e.StepPath, out var finished))
                    {
                        finished = new Row(e.StepPath, 0, e.StepId, "");
                        _byPath[e.StepPath] = finished;
                        _rows.Add(finished);
                    }
                    (finished.Status, finished.Duration) = (e.Status.ToWire(), ConsoleProgressObserver.Seconds(e.Duration));
                    if (e.Error is not null) finished.Note = e.Error;
                    break;
                case LogEvent e when e.StepPath is not null && _byPath.TryGetValue(e.StepPath, out var logged):
                    logged.Note = $"[{e.Level}] {e.Message}";
                    break;
                case ExecutionFinishedEvent e:
                    _title = $"{_title}: {e.Status.ToWire()}";
                    break;
            }
        }
    }

    /// <summary>Draws the last state and leaves it on screen.</summary>
    public async ValueTask DisposeAsync()
    {
        _done.TrySetResult();
        await _display;
    }

    private void InsertAfterParent(Row row, string? parentPath)
    {
        if (parentPath is null || !_byPath.TryGetValue(parentPath, out var parent))
        {
            _rows.Add(row);
            return;
        }
        var index = _rows.IndexOf(parent) + 1;
        while (index < _rows.Count && _rows[index].Depth > parent.Depth) index++;
        _rows.Insert(index, row);
    }

    private IRenderable Render()
    {
        lock (_gate)
        {
            var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape(_title))
                .AddColumn("Step").AddColumn("Type").AddColumn("Status").AddColumn(new TableColumn("Time").RightAligned()).AddColumn("Last");
            foreach (var row in _rows)
            {
                var attempt = row.Attempt > 1 ? $" (attempt {row.Attempt.ToString(CultureInfo.InvariantCulture)})" : "";
                table.AddRow(
                    new Text(new string(' ', row.Depth * 2) + row.StepId),
                    new Text(row.Type),
                    new Markup($"[{Colour(row.Status)}]{Markup.Escape(row.Status + attempt)}[/]"),
                    new Text(row.Duration),
                    new Text(row.Note.Length > 80 ? row.Note[..77] + "..." : row.Note));
            }
            return table;
        }
    }

    private static string Colour(string status) => status switch
    {
        "completed" => "green",
        "failed" => "red",
        "running" => "yellow",
        _ => "grey",
    };

    private sealed class Row(string path, int depth, string stepId, string type)
    {
        public string Path { get; } = path;
        public int Depth { get; } = depth;
        public string StepId { get; } = stepId;
        public string Type { get; } = type;
        public string Status { get; set; } = "pending";
        public int Attempt { get; set; } = 1;
        public string Duration { get; set; } = "";
        public string Note { get; set; } = "";
    }
}
