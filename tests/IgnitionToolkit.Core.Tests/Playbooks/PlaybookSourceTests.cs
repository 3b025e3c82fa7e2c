using IgnitionToolkit.Core.Playbooks;

namespace IgnitionToolkit.Core.Tests.Playbooks;

public sealed class PlaybookSourceTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "pbsrc-" + Guid.NewGuid().ToString("N"));
    private readonly string _outside;

    public PlaybookSourceTests()
    {
        _outside = _root + "-outside";
        Directory.CreateDirectory(Path.Combine(_root, "nested"));
        Directory.CreateDirectory(_outside);
        File.WriteAllText(Path.Combine(_root, "nested", "child.yaml"), "nested child");
        File.WriteAllText(Path.Combine(_root, "child.yaml"), "top child");
        File.WriteAllText(Path.Combine(_root, "shared.yml"), "shared");
        File.WriteAllText(Path.Combine(_root, "nested", "sibling.yaml"), "sibling");
        File.WriteAllText(Path.Combine(_outside, "secret.yaml"), "secret");
    }

    public void Dispose()
    {
        Directory.Delete(_root, recursive: true);
        Directory.Delete(_outside, recursive: true);
    }

    [Fact]
    public void File_system_source_looks_at_the_library_root_first_then_next_to_the_caller()
    {
        var source = new FileSystemPlaybookSource(_root);
        // as in the original toolkit, playbook.run paths are library paths; a name only found next to the caller still works
        Assert.Equal(new PlaybookSourceFile("child.yaml", "top child"), source.Find("child.yaml", "nested/parent.yaml"));
        Assert.Equal(new PlaybookSourceFile("nested/sibling.yaml", "sibling"), source.Find("sibling.yaml", "nested/parent.yaml"));
        Assert.Equal(new PlaybookSourceFile("child.yaml", "top child"), source.Find("child.yaml", "other/parent.yaml"));
        Assert.Equal("nested/child.yaml", source.Find("nested/child.yaml", Path.Combine(_root, "nested", "parent.yaml"))!.Path);
        Assert.Equal("shared.yml", source.Find("shared", "nested/parent.yaml")!.Path);
        Assert.Equal("child.yaml", source.Find("../child.yaml", "nested/parent.yaml")!.Path);
        Assert.Equal("nested/child.yaml", source.Find(Path.Combine(_root, "nested", "child.yaml"), "x.yaml")!.Path);
    }

    [Fact]
    public void File_system_source_refuses_paths_outside_the_library()
    {
        var source = new FileSystemPlaybookSource(_root);
        var escape = "../" + Path.GetFileName(_outside) + "/secret.yaml";
        Assert.Null(source.Find(escape, "parent.yaml"));
        Assert.Null(source.Find("../../" + Path.GetFileName(_outside) + "/secret.yaml", "nested/parent.yaml"));
        Assert.Null(source.Find(Path.Combine(_outside, "secret.yaml"), "parent.yaml"));
        Assert.Null(source.Find("missing.yaml", "parent.yaml"));
    }

    [Fact]
    public void In_memory_source_resolves_like_the_library_and_refuses_escapes()
    {
        var source = new InMemoryPlaybookSource(new Dictionary<string, string>
        {
            ["nested/child.yaml"] = "nested child", ["./child.yaml"] = "top child",
        });
        Assert.Equal("nested/child.yaml", source.Find("child.yaml", "nested/parent.yaml")!.Path);
        Assert.Equal("child.yaml", source.Find("child.yaml", "parent.yaml")!.Path);
        Assert.Equal("child.yaml", source.Find("../child.yaml", "nested/parent.yaml")!.Path);
        Assert.Equal("child.yaml", source.Find("child", "parent.yaml")!.Path);
        Assert.Null(source.Find("../../child.yaml", "nested/parent.yaml"));
        Assert.Null(source.Find("/etc/passwd", "parent.yaml"));
    }
}
