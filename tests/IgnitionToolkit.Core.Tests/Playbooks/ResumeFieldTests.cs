using IgnitionToolkit.Core.Playbooks;
using static IgnitionToolkit.Core.Tests.Playbooks.LoaderTestKit;

namespace IgnitionToolkit.Core.Tests.Playbooks;

/// <summary>The top-level <c>resume:</c> field (auto | manual).</summary>
public class ResumeFieldTests
{
    private const string Steps = """
        steps:
          - id: greet
            type: utility.log
            parameters: { message: hi }
        """;

    [Theory]
    [InlineData("resume: auto\n", ResumePolicy.Auto)]
    [InlineData("resume: manual\n", ResumePolicy.Manual)]
    [InlineData("", ResumePolicy.Manual)]
    public void Resume_is_read_with_manual_as_the_default(string field, ResumePolicy expected)
    {
        var result = Load("name: Demo\nversion: \"1.0\"\n" + field + Steps);

        AssertValid(result);
        Assert.Equal(expected, result.Playbook!.Resume);
        Assert.Empty(result.Diagnostics);
    }

    [Theory]
    [InlineData("resume: always\n", "got 'always'")]
    [InlineData("resume: [auto]\n", "got 'a list'")]
    public void A_bad_resume_value_is_an_error_naming_the_file_line_and_field(string field, string got)
    {
        var result = Load("name: Demo\nversion: \"1.0\"\n" + field + Steps);

        var error = ErrorOn(result, "resume");
        Assert.Contains("resume must be 'auto'", error.Message, StringComparison.Ordinal);
        Assert.Contains(got, error.Message, StringComparison.Ordinal);
        AssertAt(error, 3, 9);
        Assert.False(result.IsValid);
    }
}
