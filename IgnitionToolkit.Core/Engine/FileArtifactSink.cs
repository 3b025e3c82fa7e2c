using System.Security.Cryptography;
using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.Core.Plugins;
using IgnitionToolkit.Contracts.Events;

namespace IgnitionToolkit.Core.Engine;

/// <summary>Stores artifacts as files in the execution's artifact folder and reports each one as an event.</summary>
internal sealed class FileArtifactSink(ExecutionSession session, string? stepPath) : IArtifactSink
{
    public async Task<ArtifactInfo> SaveAsync(string name, string contentType, Stream content, CancellationToken cancellationToken)
    {
        var directory = session.Request.ArtifactDirectory
            ?? Path.Combine(Path.GetTempPath(), "ignition-toolkit", session.Request.ExecutionId.ToString("N"));
        var safeName = MakeSafeFileName(name);
        var path = Path.Combine(directory, safeName);
        FileStream file;
        try
        {
            Directory.CreateDirectory(directory);
            for (var n = 2; File.Exists(path); n++)
                path = Path.Combine(directory, $"{Path.GetFileNameWithoutExtension(safeName)}-{n}{Path.GetExtension(safeName)}");
            file = File.Create(path);
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            throw CannotSave(safeName, directory, ex);
        }

        long size;
        string sha;
        await using (file)
        using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
        {
            var buffer = new byte[81920];
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                try
                {
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
                catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
                {
                    throw CannotSave(safeName, directory, ex); // e.g. the disk is full
                }
            }
            size = file.Length;
            sha = Convert.ToHexStringLower(hash.GetHashAndReset());
        }

        var info = new ArtifactInfo(Path.GetFileName(path), contentType, size, sha, path);
        await session.EmitAsync(new ArtifactSavedEvent(DateTimeOffset.UtcNow, stepPath, info.Name, contentType, size, sha, path));
        return info;
    }

    /// <summary>A file-system failure said in the step's terms: which artifact, which folder, why (not a bare "access denied").</summary>
    private static IOException CannotSave(string name, string directory, Exception ex) => new(
        $"cannot save artifact '{name}' in {directory}: " +
        (ex is UnauthorizedAccessException ? "the folder is not writable (permission denied); check the data folder's permissions" : ex.Message),
        ex);

    private static string MakeSafeFileName(string name)
    {
        var invalid = Path.GetInvalidFileNameChars();
        var cleaned = new string([.. Path.GetFileName(name).Select(c => invalid.Contains(c) ? '_' : c)]);
        return string.IsNullOrWhiteSpace(cleaned) ? "artifact.bin" : cleaned;
    }
}
