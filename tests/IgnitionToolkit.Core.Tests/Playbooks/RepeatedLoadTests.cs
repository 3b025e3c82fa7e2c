using IgnitionToolkit.Core.Playbooks;
using static IgnitionToolkit.Core.Tests.Playbooks.LoaderTestKit;

namespace IgnitionToolkit.Core.Tests.Playbooks;

/// <summary>A loader keeps its latest results (a playbook run again and again is parsed once); what a user sees must
/// not change: an edited, added or removed child, another file name, or no library at all is validated afresh.</summary>
public class RepeatedLoadTests
{
    private const string Parent = """
        name: parent
        version: '1'
        steps:
          - id: call
            type: playbook.run
            parameters:
              playbook: child.yaml
        """;

    private const string Child = "name: child\nversion: '1'\nsteps:\n  - {id: hi, type: utility.log, parameters: {message: hi}}\n";
    private const string BrokenChild = "name: child\nversion: '1'\nsteps:\n  - {id: hi, type: nope.nope}\n";

    private static InMemoryPlaybookSource Library(string? child) =>
        new(child is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["child.yaml"] = child });

    [Fact]
    public void An_edited_child_is_validated_again()
    {
        var loader = Loader();
        AssertValid(loader.Load(Normalize(Parent), TestFile, Library(Child)));

        var error = SingleError(loader.Load(Normalize(Parent), TestFile, Library(BrokenChild)));
        Assert.Equal("child.yaml", error.Location.File);
        Assert.StartsWith("unknown step type 'nope.nope'", error.Message);

        AssertValid(loader.Load(Normalize(Parent), TestFile, Library(Child)));
    }

    [Fact]
    public void A_child_that_appears_or_vanishes_is_noticed()
    {
        var loader = Loader();
        Assert.Contains("nested playbook 'child.yaml' not found", SingleError(loader.Load(Normalize(Parent), TestFile, Library(null))).Message);
        AssertValid(loader.Load(Normalize(Parent), TestFile, Library(Child)));
        Assert.Contains("nested playbook 'child.yaml' not found", SingleError(loader.Load(Normalize(Parent), TestFile, Library(null))).Message);
    }

    [Fact]
    public void The_same_text_under_another_name_is_reported_under_that_name()
    {
        var loader = Loader();
        AssertAt(SingleError(loader.Load(BrokenChild, "first.yaml")), 4, 20, "first.yaml");
        AssertAt(SingleError(loader.Load(BrokenChild, "second.yaml")), 4, 20, "second.yaml");
    }

    [Fact]
    public void Loading_without_a_library_does_not_answer_for_a_load_with_one()
    {
        var loader = Loader();
        AssertValid(loader.Load(Normalize(Parent), TestFile)); // no library: nested playbooks are not looked up
        Assert.Contains("nested playbook 'child.yaml' not found", SingleError(loader.Load(Normalize(Parent), TestFile, Library(null))).Message);
        AssertValid(loader.Load(Normalize(Parent), TestFile));
    }

    [Fact]
    public void A_playbook_loaded_again_gives_the_same_playbook()
    {
        var loader = Loader();
        var first = loader.Load(Normalize(Parent), TestFile, Library(Child));
        var again = loader.Load(Normalize(Parent), TestFile, Library(Child));
        Assert.Same(first.Playbook, again.Playbook); // parsed once: the point of the cache
    }
}
