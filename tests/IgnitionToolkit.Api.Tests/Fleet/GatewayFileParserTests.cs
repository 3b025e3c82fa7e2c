using IgnitionToolkit.Api.Gateways;

namespace IgnitionToolkit.Api.Tests.Fleet;

/// <summary>Inventory files: CSV columns and tags, YAML lists, and errors that name the line and field.</summary>
[Trait("Category", "Unit")]
public sealed class GatewayFileParserTests
{
    [Fact]
    public void Csv_columns_other_than_the_known_ones_are_tags()
    {
        const string csv = "name,url,credential,concurrency_limit,site,line,environment\n"
            + "north-1,http://10.0.0.1:8088,plant-login,1,north,\"1\",prod\n"
            + "\n"
            + "north-2,http://10.0.0.2:8088,,,north,,test\n";

        var file = GatewayFileParser.Parse(csv, "csv");

        Assert.Empty(file.Errors);
        Assert.Equal([2, 4], file.Gateways.Select(g => g.Line));
        var first = file.Gateways[0].Request;
        Assert.Equal(("north-1", "http://10.0.0.1:8088", "plant-login", 1), (first.Name, first.Url, first.CredentialName, first.ConcurrencyLimit));
        Assert.Equal(new Dictionary<string, string?> { ["site"] = "north", ["line"] = "1", ["environment"] = "prod" }, first.Tags);
        Assert.Equal(new Dictionary<string, string?> { ["site"] = "north", ["environment"] = "test" }, file.Gateways[1].Request.Tags);
        Assert.Null(file.Gateways[1].Request.ConcurrencyLimit);
    }

    [Fact]
    public void Csv_errors_name_the_line_and_field()
    {
        var file = GatewayFileParser.Parse("name,url,concurrency_limit\nok,http://a:8088,2\nbad,http://b:8088,two\nshort\n", "csv");

        Assert.Equal([(3, "concurrency_limit"), (4, "line")], file.Errors.Select(e => (e.Line, e.Field)));
        Assert.Contains("'two'", file.Errors[0].Message);
        var noName = GatewayFileParser.Parse("url\nhttp://a\n", "csv").Errors.Single();
        Assert.Equal((1, "header"), (noName.Line, noName.Field));
    }

    [Fact]
    public void Yaml_reads_a_gateways_list_with_tags_and_reports_the_line_of_each_problem()
    {
        const string yaml = """
            gateways:
              - name: north-1
                url: http://10.0.0.1:8088
                credential: plant-login
                tags: { site: north, line: 1 }
              - name: north-2
                url: http://10.0.0.2:8088
                colour: blue
              - name: north-3
                url: http://10.0.0.3:8088
                concurrency_limit: many
            """;

        var file = GatewayFileParser.Parse(yaml, "yaml");

        Assert.Equal(["north-1"], file.Gateways.Select(g => g.Request.Name));
        Assert.Equal("1", file.Gateways[0].Request.Tags!["line"]);
        Assert.Equal([(8, "colour"), (11, "concurrency_limit")], file.Errors.Select(e => (e.Line, e.Field)));
    }

    [Fact]
    public void Broken_yaml_is_one_error_with_its_line()
    {
        var file = GatewayFileParser.Parse("gateways:\n  - name: a\n    url: [unclosed\n", "yaml");

        Assert.Empty(file.Gateways);
        Assert.Equal("file", file.Errors.Single().Field);
        Assert.True(file.Errors.Single().Line >= 3);
    }

    [Fact]
    public void Gateway_rules_refuse_a_bad_name_url_tag_and_limit()
    {
        var problems = GatewayRules.Check(new GatewayRequest("-bad", "ftp://x", Tags: new() { ["9site"] = "x", ["line"] = " " }, ConcurrencyLimit: 0));

        Assert.Equal(["name", "url", "concurrency_limit", "tags.9site", "tags.line"], problems.Select(p => p.Field));
    }
}
