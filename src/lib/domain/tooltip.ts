/**
 * Where a tooltip goes: beside the pointer (below right, or flipped above / to the left when
 * that would leave the viewport), always wholly inside the viewport. All in client pixels.
 */
export function placeTooltip(
	at: { x: number; y: number },
	size: { width: number; height: number },
	viewport: { width: number; height: number },
	gap = 14,
	margin = 8
): { left: number; top: number } {
	const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(v, hi));
	let left = at.x + gap;
	if (left + size.width > viewport.width - margin) left = at.x - gap - size.width;
	let top = at.y + gap;
	if (top + size.height > viewport.height - margin) top = at.y - gap - size.height;
	return {
		left: clamp(left, margin, viewport.width - margin - size.width),
		top: clamp(top, margin, viewport.height - margin - size.height)
	};
}
