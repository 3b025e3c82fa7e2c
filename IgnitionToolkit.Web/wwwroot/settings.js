// A user's choices kept in this browser across reloads (the global credential: GlobalCredential.cs). Keys carry the user name.
window.toolkitSettings = {
    get: function (key) { return window.localStorage.getItem('toolkit-' + key); },
    set: function (key, value) {
        if (value === null || value === undefined || value === '') window.localStorage.removeItem('toolkit-' + key);
        else window.localStorage.setItem('toolkit-' + key, value);
    }
};
