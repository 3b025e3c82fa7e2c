using System.Security.Cryptography;
using System.Text;
using IgnitionToolkit.Api.Persistence;
using IgnitionToolkit.Api.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace IgnitionToolkit.Api.Playbooks;

/// <summary>The verification state of a playbook's current text: <c>verified</c> (a mark for this exact text),
/// <c>changed</c> (a mark for an earlier text: edited or changed upstream since), or <c>unverified</c>.</summary>
public sealed record VerificationDto(string State, string? VerifiedBy, DateTimeOffset? VerifiedAt, string ContentHash, string? VerifiedHash)
{
    public const string Verified = "verified";
    public const string Changed = "changed";
    public const string Unverified = "unverified";
}

/// <summary>Verify / unverify marks, stored by library path and the SHA-256 of the YAML (the v5 top-level
/// <c>verified:</c> field is a different thing and is left as written).</summary>
public sealed class PlaybookVerifications(ToolkitDbContext db, TimeProvider clock)
{
    /// <summary>SHA-256 (hex) of the YAML with line endings made LF, so a checkout's CRLF does not count as a change.</summary>
    public static string Hash(string yaml) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(yaml.Replace("\r\n", "\n", StringComparison.Ordinal))));

    /// <summary>Every mark by path (the newest per path).</summary>
    public async Task<IReadOnlyDictionary<string, PlaybookVerificationRecord>> AllAsync(CancellationToken ct) =>
        (await db.PlaybookVerifications.AsNoTracking().ToListAsync(ct))
            .GroupBy(v => v.Path, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(v => v.VerifiedAt).First(), StringComparer.Ordinal);

    public static VerificationDto StateOf(string yaml, PlaybookVerificationRecord? mark)
    {
        var hash = Hash(yaml);
        if (mark is null) return new VerificationDto(VerificationDto.Unverified, null, null, hash, null);
        var state = mark.ContentHash == hash ? VerificationDto.Verified : VerificationDto.Changed;
        return new VerificationDto(state, mark.VerifiedBy, mark.VerifiedAt, hash, mark.ContentHash);
    }

    public async Task<VerificationDto> StateAsync(string path, string yaml, CancellationToken ct)
    {
        var mark = await db.PlaybookVerifications.AsNoTracking().Where(v => v.Path == path)
            .OrderByDescending(v => v.VerifiedAt).FirstOrDefaultAsync(ct);
        return StateOf(yaml, mark);
    }

    /// <summary>Marks the current text of <paramref name="path"/> verified by <paramref name="user"/> (earlier marks go).</summary>
    public async Task<VerificationDto> VerifyAsync(string path, string yaml, string user, CancellationToken ct)
    {
        await db.PlaybookVerifications.Where(v => v.Path == path).ExecuteDeleteAsync(ct);
        var mark = new PlaybookVerificationRecord { Path = path, ContentHash = Hash(yaml), VerifiedBy = user, VerifiedAt = clock.GetUtcNow() };
        db.PlaybookVerifications.Add(mark);
        await db.SaveChangesAsync(ct);
        return StateOf(yaml, mark);
    }

    /// <summary>Removes every mark of <paramref name="path"/>; true when there was one.</summary>
    public async Task<bool> UnverifyAsync(string path, CancellationToken ct) =>
        await db.PlaybookVerifications.Where(v => v.Path == path).ExecuteDeleteAsync(ct) > 0;

    /// <summary>A move keeps the mark with the text it was given for.</summary>
    public async Task MoveAsync(string from, string to, CancellationToken ct)
    {
        var marks = await db.PlaybookVerifications.Where(v => v.Path == from).ToListAsync(ct);
        if (marks.Count == 0) return;
        await db.PlaybookVerifications.Where(v => v.Path == to).ExecuteDeleteAsync(ct);
        db.PlaybookVerifications.RemoveRange(marks);
        db.PlaybookVerifications.AddRange(marks.Select(m => new PlaybookVerificationRecord
        {
            Path = to, ContentHash = m.ContentHash, VerifiedBy = m.VerifiedBy, VerifiedAt = m.VerifiedAt,
        }));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The first child (in path order) whose current text is not verified, or null when all are.</summary>
    public async Task<string?> FirstUnverifiedAsync(IReadOnlyDictionary<string, string> children, CancellationToken ct)
    {
        if (children.Count == 0) return null;
        var paths = children.Keys.ToList();
        var marks = await db.PlaybookVerifications.AsNoTracking().Where(v => paths.Contains(v.Path)).ToListAsync(ct);
        return children.OrderBy(c => c.Key, StringComparer.Ordinal)
            .FirstOrDefault(c => !marks.Any(m => m.Path == c.Key && m.ContentHash == Hash(c.Value))).Key;
    }
}
