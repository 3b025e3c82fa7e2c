// The browser's IANA time zone (e.g. Europe/Berlin), so the schedules page shows times in the user's zone.
window.toolkitTimeZone = function () { return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'; };
