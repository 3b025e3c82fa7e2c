using System.Text;

namespace IgnitionToolkit.Runner.Tests.Support;

/// <summary>A string writer that can be read while another thread writes to it.</summary>
public sealed class SyncStringWriter : StringWriter
{
    private readonly Lock _gate = new();

    public override void Write(char value) { lock (_gate) base.Write(value); }
    public override void Write(string? value) { lock (_gate) base.Write(value); }
    public override void Write(char[] buffer, int index, int count) { lock (_gate) base.Write(buffer, index, count); }
    public override void Write(ReadOnlySpan<char> buffer) { lock (_gate) base.Write(buffer); }
    public override void WriteLine(string? value) { lock (_gate) base.WriteLine(value); }
    public override void WriteLine(ReadOnlySpan<char> buffer) { lock (_gate) base.WriteLine(buffer); }
    public override Task WriteLineAsync(string? value) { WriteLine(value); return Task.CompletedTask; }
    public override Task WriteAsync(string? value) { Write(value); return Task.CompletedTask; }
    public override string ToString() { lock (_gate) return base.ToString(); }
    public override StringBuilder GetStringBuilder() => throw new InvalidOperationException("read with ToString()");
}
