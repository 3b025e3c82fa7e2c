// Click through the live view: where a click fell on the live browser picture, as fractions (0-1) of its shown size
// (the picture may be scaled down to fit), so the Runner can scale the point to the page's viewport.
window.toolkitLiveViewPoint = function (img, offsetX, offsetY) {
    var w = img.clientWidth || 1, h = img.clientHeight || 1;
    return [Math.min(1, Math.max(0, offsetX / w)), Math.min(1, Math.max(0, offsetY / h))];
};
