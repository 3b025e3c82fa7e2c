using IgnitionToolkit.Core.Plugins;
using IgnitionToolkit.Plugins.Perspective.Pages;
using Microsoft.Playwright;

namespace IgnitionToolkit.Plugins.Perspective.Sessions;

/// <summary>
/// Browser downloads of one execution (e.g. "Download Backup" in the gateway web UI): each is saved as an artifact of
/// the step during which it started, and copied into the run parameter <c>download_path</c> when the playbook has one
/// (v5's <c>backup_gateway.yaml</c>; see <see cref="OutputPaths"/>). The step that started a
/// download waits for it before it ends; those still running when the execution ends are waited for (at most 30 s).
/// </summary>
internal sealed class DownloadRecorder
{
    public const string DownloadPathParameter = "download_path";
    private static readonly TimeSpan FinalWait = TimeSpan.FromSeconds(30);
    private readonly List<Task> _pending = [];
    private readonly Lock _gate = new();

    /// <summary>The step running now (downloads are saved with its artifacts and logged in its log).</summary>
    public StepContext? CurrentStep { get; set; }

    public void Watch(IBrowserContext context)
    {
        foreach (var page in context.Pages) page.Download += OnDownload;
        context.Page += (_, page) => page.Download += OnDownload;
    }

    private void OnDownload(object? sender, IDownload download)
    {
        if (CurrentStep is not { } step) return;
        lock (_gate) _pending.Add(SaveAsync(download, step));
    }

    /// <summary>Waits for the downloads started so far (a failed one is logged, never thrown).</summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        Task[] pending;
        lock (_gate) pending = [.. _pending];
        if (pending.Length > 0) await Task.WhenAll(pending).WaitAsync(cancellationToken);
    }

    /// <summary>At the end of the execution, before the browser context (and its download files) is closed.</summary>
    public async Task FinishAsync()
    {
        try
        {
            await WaitAsync(CancellationToken.None).WaitAsync(FinalWait);
        }
        catch (TimeoutException)
        {
            CurrentStep?.Logger.LogStep($"a download was still running after {FinalWait.TotalSeconds:0} s when the execution ended: not saved");
        }
    }

    private static async Task SaveAsync(IDownload download, StepContext step)
    {
        var name = download.SuggestedFilename;
        try
        {
            var temporary = await download.PathAsync();
            var failure = await download.FailureAsync();
            if (failure is not null || temporary is null)
            {
                step.Logger.LogStep($"download of {name} failed: {failure ?? "no file"}");
                return;
            }
            ArtifactInfo artifact;
            await using (var stream = File.OpenRead(temporary))
                artifact = await step.Artifacts.SaveAsync(name, "application/octet-stream", stream, CancellationToken.None);
            var copy = "";
            if (FolderOf(step) is { } folder)
            {
                Directory.CreateDirectory(folder);
                var target = Path.Combine(folder, artifact.Name);
                File.Copy(artifact.Path, target, overwrite: true);
                copy = $", copied to {target}";
            }
            step.Logger.LogStep($"downloaded {name} ({artifact.Size} bytes) as artifact {artifact.Name}{copy}");
        }
        catch (Exception ex) when (ex is PlaywrightException or IOException or UnauthorizedAccessException)
        {
            step.Logger.LogStep($"download of {name} could not be saved: {BrowserText.FirstLine(ex.Message)}");
        }
    }

    private static string? FolderOf(StepContext step) =>
        step.PlaybookParameters.GetValueOrDefault(DownloadPathParameter) is string { Length: > 0 } folder ? OutputPaths.Resolve(step, folder) : null;
}
