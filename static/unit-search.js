// The "not found" page's unit search: filters its list of units as you type. The page has no
// app code (it is served at any address, see src/routes/[[lang=lang]]/(site)/404/); without this
// script the full list of links is still there. The list has a part per era of the units (before
// and after the 2025 reform); each unit's key holds its name, its code and the names of the units
// it became or came from, so an old name also finds the new unit and a new name the old ones.
(() => {
	const root = document.querySelector('[data-unit-search]');
	if (!root) return;
	const input = root.querySelector('input');
	const count = root.querySelector('[data-count]');
	const districts = [...root.querySelectorAll('.districts > li')];
	const eras = [...root.querySelectorAll('.era')];
	// as the page's data-key: no diacritics (đ → d), lower case, single spaces
	const fold = (s) =>
		s
			.normalize('NFD')
			.replace(/[\u0300-\u036f]/g, '')
			.replace(/đ/g, 'd')
			.replace(/Đ/g, 'D')
			.toLowerCase()
			.replace(/\s+/g, ' ')
			.trim();
	const update = () => {
		const q = fold(input.value);
		let shown = 0;
		for (const d of districts) {
			const own = d.dataset.key.includes(q);
			let any = false;
			for (const c of d.querySelectorAll('li')) {
				const hit = own || c.dataset.key.includes(q);
				c.hidden = !hit;
				if (hit) ((any = true), shown++);
			}
			d.hidden = !own && !any;
			if (own) shown++;
		}
		// an era's part with nothing found is hidden with its heading
		for (const e of eras) e.hidden = !e.querySelector('.districts > li:not([hidden])');
		count.textContent = String(shown);
	};
	for (const el of root.querySelectorAll('[hidden]:not(li)')) el.hidden = false;
	input.addEventListener('input', update);
	update();
})();
