using System.Collections.Concurrent;

namespace IgnitionToolkit.Core.Plugins;

/// <summary>
/// Objects that live as long as one execution (a gateway session, a browser context...). Steps share them through
/// <see cref="StepContext.Items"/>; when the execution ends — completed, failed, cancelled or interrupted — the engine
/// disposes every item that is <see cref="IAsyncDisposable"/> or <see cref="IDisposable"/>, last added first.
/// </summary>
public sealed class ExecutionItems : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<object>> _items = new(StringComparer.Ordinal);
    private readonly ConcurrentStack<object> _created = new();
    private volatile bool _disposed;

    public T GetOrAdd<T>(string key, Func<T> factory) where T : class =>
        (T)_items.GetOrAdd(key, _ => new Lazy<object>(() =>
        {
            var value = factory();
            Track(value);
            return value;
        })).Value;

    public T? Get<T>(string key) where T : class =>
        _items.TryGetValue(key, out var lazy) && lazy.IsValueCreated ? lazy.Value as T : null;

    /// <summary>Replaces an item (the previous one is disposed when the execution ends, not now).</summary>
    public void Set<T>(string key, T value) where T : class
    {
        _items[key] = new Lazy<object>(value);
        Track(value);
    }

    /// <summary>Keeps an item for disposal; one added after the execution ended (by a step the engine stopped waiting
    /// for) is disposed at once, so nothing it holds outlives the execution for long.</summary>
    private void Track(object value)
    {
        _created.Push(value);
        if (_disposed) _ = DrainAsync().AsTask();
    }

    public bool Remove(string key) => _items.TryRemove(key, out _);

    public async ValueTask DisposeAsync()
    {
        _disposed = true; // before draining: an item pushed after the drain sees it and drains itself
        await DrainAsync();
        _items.Clear();
    }

    /// <summary>Disposes every tracked item once (each is popped by exactly one drain), last added first.</summary>
    private async ValueTask DrainAsync()
    {
        while (_created.TryPop(out var item))
        {
            try
            {
                switch (item)
                {
                    case IAsyncDisposable asyncDisposable: await asyncDisposable.DisposeAsync(); break;
                    case IDisposable disposable: disposable.Dispose(); break;
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // One item failing to close must not keep the others open.
            }
        }
    }
}
