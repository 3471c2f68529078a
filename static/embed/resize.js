// Tells the page that embeds this one how tall it is, so the iframe fits without scrollbars.
(function () {
	if (window.parent === window) return;
	var last = 0;
	function send() {
		var h = Math.ceil(document.documentElement.getBoundingClientRect().height);
		if (h === last) return;
		last = h;
		window.parent.postMessage({ type: 'tekt-embed-height', height: h, href: location.href }, '*');
	}
	window.addEventListener('load', send);
	window.addEventListener('resize', send);
	if ('ResizeObserver' in window) new ResizeObserver(send).observe(document.documentElement);
	send();
})();
