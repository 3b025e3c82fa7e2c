using IgnitionToolkit.Api.Credentials;
using IgnitionToolkit.Api.Persistence;
using IgnitionToolkit.Api.Persistence.Entities;
using IgnitionToolkit.Core.Configuration;
using LibGit2SharpException = LibGit2Sharp.LibGit2SharpException;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IgnitionToolkit.Api.Library;

/// <summary>Clones, fetches and pulls the git sources (one git operation at a time in this process), records the
/// outcome on the source (a failure keeps the last good revision and says why) and mounts the checkouts.</summary>
public sealed partial class LibrarySync(
    ToolkitDbContext db, CredentialVault vault, LibraryMounts mounts, ToolkitPaths paths, IOptions<LibraryOptions> options,
    TimeProvider clock, ILogger<LibrarySync> logger)
{
    private static readonly SemaphoreSlim GitLock = new(1, 1);

    public string SourcesDirectory => Path.GetFullPath(options.Value.SourcesDirectory is { Length: > 0 } d ? d : Path.Combine(paths.DataDirectory, "library-sources"));

    public GitCheckout CheckoutOf(LibrarySourceRecord source) => new(Path.Combine(SourcesDirectory, source.Name));

    public LibrarySourceDto Describe(LibrarySourceRecord s)
    {
        var checkout = CheckoutOf(s);
        string? upstream = null;
        IReadOnlyList<UpstreamChange> updates = [];
        string? message = null;
        if (checkout.Exists)
        {
            try
            {
                upstream = checkout.UpstreamCommit(s.Branch);
                updates = checkout.Changes(s.Branch, s.SubFolder);
                message = s.PulledCommit is null ? null : checkout.MessageOf(s.PulledCommit);
            }
            catch (LibGit2SharpException ex)
            {
                LogUnreadable(logger, s.Name, ex.Message);
            }
        }
        return new LibrarySourceDto(s.Name, GitCheckout.Redact(s.Url), s.Branch, s.SubFolder, s.CredentialName, s.PullIntervalMinutes, s.AutoUpdate,
            s.PulledCommit, message, s.PulledAt, s.LastError, s.LastAttemptAt, upstream, updates);
    }

    /// <summary>Clones (first time) or fetches, then moves the library to the upstream revision. False when it failed
    /// (<see cref="LibrarySourceRecord.LastError"/> says why; the last good revision stays).</summary>
    public Task<bool> PullAsync(LibrarySourceRecord source, CancellationToken ct) => RunAsync(source, apply: true, ct);

    /// <summary>Fetches only: the library keeps its revision and shows what changed upstream.</summary>
    public Task<bool> FetchAsync(LibrarySourceRecord source, CancellationToken ct) => RunAsync(source, apply: false, ct);

    private async Task<bool> RunAsync(LibrarySourceRecord source, bool apply, CancellationToken ct)
    {
        var remote = await RemoteAsync(source, ct);
        await GitLock.WaitAsync(ct);
        try
        {
            source.LastAttemptAt = clock.GetUtcNow();
            var checkout = CheckoutOf(source);
            await Task.Run(() =>
            {
                if (!checkout.Exists)
                {
                    checkout.Clone(remote);
                    source.PulledCommit = checkout.Head();
                    source.PulledAt = clock.GetUtcNow();
                    return;
                }
                var upstream = checkout.Fetch(remote);
                if (!apply || upstream == checkout.Head()) return;
                checkout.Apply(upstream);
                source.PulledCommit = upstream;
                source.PulledAt = clock.GetUtcNow();
            }, ct);
            source.LastError = null;
            LogPulled(logger, source.Name, source.PulledCommit ?? "-");
            return true;
        }
        catch (Exception ex) when (ex is LibGit2SharpException or InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            source.LastError = Mask(ex.Message, remote.Secret);
            LogFailed(logger, source.Name, source.LastError);
            return false;
        }
        finally
        {
            GitLock.Release();
            Mount(source);
            await db.SaveChangesAsync(CancellationToken.None);
        }
    }

    /// <summary>Shows the source's checkout in the library (when it has a good revision).</summary>
    public void Mount(LibrarySourceRecord source)
    {
        var checkout = CheckoutOf(source);
        if (!checkout.Exists)
        {
            mounts.Remove(source.Name);
            return;
        }
        var root = Path.GetFullPath(source.SubFolder is null ? checkout.Directory : Path.Combine(checkout.Directory, source.SubFolder));
        var commit = checkout.Head();
        mounts.Set(new LibraryMount(source.Name, root, commit, commit is null ? null : checkout.MessageOf(commit)));
    }

    /// <summary>Removes a source from the library and deletes its checkout.</summary>
    public void Forget(LibrarySourceRecord source)
    {
        mounts.Remove(source.Name);
        try
        {
            GitCheckout.DeleteTree(CheckoutOf(source).Directory);
        }
        catch (IOException ex)
        {
            LogUnreadable(logger, source.Name, ex.Message);
        }
    }

    /// <summary>Mounts every source's checkout, then fetches (and, with auto-update, pulls) those whose interval has passed.</summary>
    public async Task RefreshAsync(CancellationToken ct)
    {
        var sources = await db.LibrarySources.ToListAsync(ct);
        mounts.RetainOnly(sources.Select(s => s.Name).ToHashSet(StringComparer.Ordinal));
        var now = clock.GetUtcNow();
        foreach (var source in sources)
        {
            var due = source.PullIntervalMinutes > 0
                && (source.LastAttemptAt is not { } last || now - last >= TimeSpan.FromMinutes(source.PullIntervalMinutes));
            if (due) await RunAsync(source, apply: source.AutoUpdate || source.PulledCommit is null, ct);
            else Mount(source);
        }
    }

    private async Task<GitRemote> RemoteAsync(LibrarySourceRecord source, CancellationToken ct)
    {
        if (source.CredentialName is null || await vault.FindAsync(source.CredentialName, ct) is not { } record)
            return new GitRemote(source.Url, source.Branch, null, null);
        var fields = vault.Open(record);
        var secret = fields.GetValueOrDefault("password") ?? fields.GetValueOrDefault("token") ?? fields.GetValueOrDefault("value");
        return new GitRemote(source.Url, source.Branch, fields.GetValueOrDefault("username"), secret);
    }

    private static string Mask(string message, string? secret) =>
        (secret is { Length: > 0 } ? message.Replace(secret, "***", StringComparison.Ordinal) : message) is var m && m.Length > 2000 ? m[..2000] : m;

    [LoggerMessage(Level = LogLevel.Information, Message = "Library source {Source} is at {Commit}")]
    private static partial void LogPulled(ILogger logger, string source, string commit);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Library source {Source} could not be updated: {Reason}")]
    private static partial void LogFailed(ILogger logger, string source, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Library source {Source} checkout could not be read: {Reason}")]
    private static partial void LogUnreadable(ILogger logger, string source, string reason);
}
