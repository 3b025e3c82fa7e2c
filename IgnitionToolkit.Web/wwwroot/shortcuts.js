// Keyboard shortcuts of the execution page (ExecutionShortcuts.razor): single keys, ignored while typing in a field.
window.toolkitShortcuts = {
    attach: function (dotnet, keys) {
        const handler = function (e) {
            if (e.ctrlKey || e.metaKey || e.altKey) return;
            const t = e.target;
            if (t && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName))) return;
            if (!keys.includes(e.key)) return;
            e.preventDefault();
            dotnet.invokeMethodAsync('OnShortcut', e.key);
        };
        document.addEventListener('keydown', handler);
        return { detach: function () { document.removeEventListener('keydown', handler); } };
    }
};
