// Keeps the YAML editor's line-number gutter aligned with its text area while scrolling.
document.addEventListener('scroll', function (e) {
    var t = e.target;
    if (t && t.classList && t.classList.contains('yaml-input')) {
        var gutter = t.parentElement.querySelector('.yaml-gutter');
        if (gutter) gutter.scrollTop = t.scrollTop;
    }
}, true);
