using LibGit2Sharp;

namespace IgnitionToolkit.Api.Library;

/// <summary>A playbook changed upstream: <c>added</c>, <c>modified</c>, <c>deleted</c> or <c>renamed</c> (from <see cref="OldPath"/>).</summary>
public sealed record UpstreamChange(string Path, string Change, string? OldPath);

/// <summary>What a fetch needs to reach a repository: a URL and, when it is private, a user name and secret from the vault.</summary>
public sealed record GitRemote(string Url, string Branch, string? UserName, string? Secret);

/// <summary>One git source's checkout (LibGit2Sharp, the native libgit2 shipped with its package): clone, fetch the
/// branch into <c>refs/remotes/origin/&lt;branch&gt;</c>, move the working tree to a fetched revision, and compare
/// the two. The working tree only ever moves to a revision that was fetched whole, so a failed fetch leaves the
/// last good revision in place.</summary>
public sealed class GitCheckout(string directory)
{
    public string Directory { get; } = directory;

    public bool Exists => Repository.IsValid(Directory);

    /// <summary>Clones <paramref name="remote"/> into <see cref="Directory"/> (through a temporary folder, so a failed
    /// clone leaves nothing); returns the checked-out commit.</summary>
    public string Clone(GitRemote remote)
    {
        var temp = Directory + ".clone-" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            var options = new CloneOptions { BranchName = remote.Branch, Checkout = true };
            options.FetchOptions.CredentialsProvider = Credentials(remote);
            Repository.Clone(remote.Url, temp, options);
            if (System.IO.Directory.Exists(Directory)) System.IO.Directory.Delete(Directory, recursive: true);
            System.IO.Directory.Move(temp, Directory);
        }
        finally
        {
            if (System.IO.Directory.Exists(temp)) DeleteTree(temp);
        }
        using var repo = new Repository(Directory);
        return repo.Head.Tip.Sha;
    }

    /// <summary>Fetches the branch; returns the upstream commit (the working tree does not move).</summary>
    public string Fetch(GitRemote remote)
    {
        using var repo = new Repository(Directory);
        if (repo.Network.Remotes["origin"] is { } origin && origin.Url != remote.Url) repo.Network.Remotes.Update("origin", r => r.Url = remote.Url);
        var options = new FetchOptions { CredentialsProvider = Credentials(remote), Prune = true };
        Commands.Fetch(repo, "origin", [$"+refs/heads/{remote.Branch}:refs/remotes/origin/{remote.Branch}"], options, null);
        return Upstream(repo, remote.Branch)?.Sha
            ?? throw new InvalidOperationException($"branch '{remote.Branch}' does not exist in {Redact(remote.Url)}");
    }

    /// <summary>The commit the working tree shows.</summary>
    public string? Head()
    {
        using var repo = new Repository(Directory);
        return repo.Head.Tip?.Sha;
    }

    public string? UpstreamCommit(string branch)
    {
        using var repo = new Repository(Directory);
        return Upstream(repo, branch)?.Sha;
    }

    public string? MessageOf(string sha)
    {
        using var repo = new Repository(Directory);
        return repo.Lookup<Commit>(sha)?.MessageShort;
    }

    /// <summary>Moves the working tree to <paramref name="sha"/> (a fetched commit), discarding anything else in it.</summary>
    public void Apply(string sha)
    {
        using var repo = new Repository(Directory);
        var commit = repo.Lookup<Commit>(sha) ?? throw new InvalidOperationException($"commit {sha} has not been fetched");
        repo.Reset(ResetMode.Hard, commit);
        repo.RemoveUntrackedFiles();
    }

    /// <summary>The playbooks (YAML under <paramref name="subFolder"/>) that differ between the working tree's commit and
    /// the fetched upstream commit, as paths relative to <paramref name="subFolder"/>.</summary>
    public IReadOnlyList<UpstreamChange> Changes(string branch, string? subFolder)
    {
        using var repo = new Repository(Directory);
        if (Upstream(repo, branch) is not { } upstream || repo.Head.Tip is not { } head || upstream.Sha == head.Sha) return [];
        var changes = repo.Diff.Compare<TreeChanges>(head.Tree, upstream.Tree);
        var prefix = Prefix(subFolder);
        return changes
            .Where(c => IsPlaybook(c.Path, prefix) || IsPlaybook(c.OldPath, prefix))
            .Select(c => new UpstreamChange(Strip(c.Path, prefix), c.Status switch
            {
                ChangeKind.Added => "added",
                ChangeKind.Deleted => "deleted",
                ChangeKind.Renamed => "renamed",
                _ => "modified",
            }, c.Status == ChangeKind.Renamed ? Strip(c.OldPath, prefix) : null))
            .OrderBy(c => c.Path, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The unified diff of one playbook (relative to <paramref name="subFolder"/>) from the working tree's commit to upstream.</summary>
    public string Diff(string branch, string? subFolder, string path)
    {
        using var repo = new Repository(Directory);
        if (Upstream(repo, branch) is not { } upstream || repo.Head.Tip is not { } head) return "";
        var full = Prefix(subFolder) + path;
        return repo.Diff.Compare<Patch>(head.Tree, upstream.Tree, [full]).Content;
    }

    private static Commit? Upstream(Repository repo, string branch) => repo.Branches[$"origin/{branch}"]?.Tip;

    private static string Prefix(string? subFolder) => string.IsNullOrWhiteSpace(subFolder) ? "" : subFolder.Trim('/') + "/";

    private static bool IsPlaybook(string? path, string prefix) =>
        path is not null && path.StartsWith(prefix, StringComparison.Ordinal)
        && (path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
        && !path[prefix.Length..].Split('/').Any(s => s.StartsWith('.'));

    private static string Strip(string path, string prefix) => path.StartsWith(prefix, StringComparison.Ordinal) ? path[prefix.Length..] : path;

    private static LibGit2Sharp.Handlers.CredentialsHandler? Credentials(GitRemote remote) =>
        remote.Secret is null ? null : (_, _, _) => new UsernamePasswordCredentials { Username = remote.UserName ?? "git", Password = remote.Secret };

    /// <summary>A URL as it may be shown: any user information removed.</summary>
    public static string Redact(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.UserInfo.Length > 0 ? url.Replace(uri.UserInfo + "@", "", StringComparison.Ordinal) : url;

    /// <summary>Deletes a checkout (git marks its object files read-only).</summary>
    public static void DeleteTree(string directory)
    {
        if (!System.IO.Directory.Exists(directory)) return;
        foreach (var file in System.IO.Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
            File.SetAttributes(file, FileAttributes.Normal);
        System.IO.Directory.Delete(directory, recursive: true);
    }
}
