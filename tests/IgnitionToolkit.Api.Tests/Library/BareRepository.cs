using LibGit2Sharp;

namespace IgnitionToolkit.Api.Tests.Library;

/// <summary>A local bare git repository made by the test (no network), with a working clone to commit and push from.</summary>
public sealed class BareRepository : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "toolkit-git-tests", Guid.NewGuid().ToString("N"));

    public BareRepository(string branch = "main")
    {
        Branch = branch;
        Repository.Init(Url, isBare: true);
        using (var bare = new Repository(Url)) bare.Refs.UpdateTarget("HEAD", $"refs/heads/{branch}");
        Repository.Clone(Url, Work);
    }

    public string Branch { get; }
    public string Url => Path.Combine(_root, "origin.git");
    private string Work => Path.Combine(_root, "work");

    /// <summary>Writes <paramref name="files"/> (repository path → text; null deletes), commits and pushes; returns the commit.</summary>
    public string Commit(string message, IReadOnlyDictionary<string, string?> files)
    {
        using var repo = new Repository(Work);
        foreach (var (path, text) in files)
        {
            var full = Path.Combine(Work, path);
            if (text is null) File.Delete(full);
            else
            {
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                File.WriteAllText(full, text);
            }
        }
        Commands.Stage(repo, "*");
        var author = new Signature("Test Author", "author@example.test", DateTimeOffset.UtcNow);
        var commit = repo.Commit(message, author, author);
        repo.Network.Push(repo.Network.Remotes["origin"], $"HEAD:refs/heads/{Branch}");
        return commit.Sha;
    }

    /// <summary>Makes the repository unreachable (as a server that is down or a URL that no longer exists).</summary>
    public void TakeOffline() => Directory.Move(Url, Url + ".offline");

    public void BringOnline() => Directory.Move(Url + ".offline", Url);

    public void Dispose()
    {
        try
        {
            foreach (var file in Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories)) File.SetAttributes(file, FileAttributes.Normal);
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // left in the temp folder
        }
    }
}
