using System.Xml;
using System.Xml.Schema;

namespace IgnitionToolkit.Cli.Tests.Support;

/// <summary>Checks a JUnit file against the common JUnit XSD (Reports/junit.xsd) CI servers read.</summary>
public static class JUnitSchema
{
    /// <summary>The schema's complaints, empty for a valid file.</summary>
    public static List<string> Validate(string file)
    {
        var schemas = new XmlSchemaSet();
        schemas.Add(null, Path.Combine(AppContext.BaseDirectory, "Reports", "junit.xsd"));
        var problems = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas };
        settings.ValidationEventHandler += (_, e) => problems.Add($"{e.Severity} line {e.Exception?.LineNumber}: {e.Message}");
        using var reader = XmlReader.Create(file, settings);
        while (reader.Read())
        {
        }
        return problems;
    }
}
