// Remembers the light/dark choice in this browser (read by MainLayout after its first render).
window.toolkitTheme = {
    isDark: function () { return window.localStorage.getItem('toolkit-theme') === 'dark'; },
    setDark: function (dark) { window.localStorage.setItem('toolkit-theme', dark ? 'dark' : 'light'); }
};
