// On the page that embeds the dashboard: <script src="…/embed/host.js" async></script>
// Sizes every dashboard iframe to the height its content reports (no scrollbars).
(function () {
	window.addEventListener('message', function (e) {
		var d = e.data;
		if (!d || d.type !== 'tekt-embed-height' || typeof d.height !== 'number') return;
		var frames = document.querySelectorAll('iframe');
		for (var i = 0; i < frames.length; i++) {
			if (frames[i].contentWindow === e.source)
				frames[i].style.height = Math.min(d.height, 10000) + 'px';
		}
	});
})();
