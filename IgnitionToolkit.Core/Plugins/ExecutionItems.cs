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

    public T GetOrAdd<T>(string key, Func<T> factory) where T : class =>
        (T)_items.GetOrAdd(key, _ => new Lazy<object>(() =>
        {
            var value = factory();
            _created.Push(value);
            return value;
        })).Value;

    public T? Get<T>(string key) where T : class =>
        _items.TryGetValue(key, out var lazy) && lazy.IsValueCreated ? lazy.Value as T : null;

    /// <summary>Replaces an item (the previous one is disposed when the execution ends, not now).</summary>
    public void Set<T>(string key, T value) where T : class
    {
        _created.Push(value);
        _items[key] = new Lazy<object>(value);
    }

    public bool Remove(string key) => _items.TryRemove(key, out _);

    public async ValueTask DisposeAsync()
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
        _items.Clear();
    }
}
