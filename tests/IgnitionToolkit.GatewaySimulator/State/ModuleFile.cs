using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace IgnitionToolkit.GatewaySimulator.State;

public sealed record ModuleInfo(string Id, string Name, string Version);

/// <summary>Reads a <c>.modl</c> (a ZIP holding <c>module.xml</c> with id, name, version). For demos, any other
/// non-empty file is accepted as a module whose id and name derive from the file name.</summary>
public static partial class ModuleFile
{
    [GeneratedRegex(@"[^a-z0-9]+")]
    private static partial Regex NonAlphanumeric();

    [GeneratedRegex(@"-(\d+(?:\.\d+)+)$")]
    private static partial Regex TrailingVersion();

    public static bool TryRead(string fileName, byte[] body, out ModuleInfo info, out string error)
    {
        error = "";
        if (TryReadModuleXml(body, out info))
        {
            return true;
        }
        if (body.Length >= 4 && body[0] == 'P' && body[1] == 'K')
        {
            error = "The module file has no valid module.xml.";
            return false;
        }
        var stem = Path.GetFileNameWithoutExtension(string.IsNullOrWhiteSpace(fileName) ? "uploaded-module" : fileName);
        var version = TrailingVersion().Match(stem) is { Success: true } match ? match.Groups[1].Value : "1.0.0";
        var name = TrailingVersion().Replace(stem, "");
        var slug = NonAlphanumeric().Replace(name.ToLowerInvariant(), "-").Trim('-');
        info = new ModuleInfo($"com.simulator.{(slug.Length == 0 ? "module" : slug)}", name, version);
        return true;
    }

    private static bool TryReadModuleXml(byte[] body, out ModuleInfo info)
    {
        info = null!;
        try
        {
            using var zip = new ZipArchive(new MemoryStream(body), ZipArchiveMode.Read);
            var entry = zip.GetEntry("module.xml");
            if (entry is null)
            {
                return false;
            }
            using var stream = entry.Open();
            var root = XDocument.Load(stream).Root;
            var module = root?.Name.LocalName == "module" ? root : root?.Element("module");
            var id = module?.Element("id")?.Value;
            if (module is null || string.IsNullOrWhiteSpace(id))
            {
                return false;
            }
            info = new ModuleInfo(id.Trim(), module.Element("name")?.Value.Trim() ?? id, module.Element("version")?.Value.Trim() ?? "1.0.0");
            return true;
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or System.Xml.XmlException)
        {
            return false;
        }
    }
}
