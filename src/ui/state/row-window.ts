/** Which rows a virtualised list renders: those in view plus `overscan` on each side. */
export interface RowWindow {
  /** first rendered row (0-based position in the view) */
  start: number;
  /** one past the last rendered row */
  end: number;
}

/**
 * Rows of a fixed `rowHeight` in a viewport of `viewportHeight` scrolled to `scrollTop`.
 * A viewport not laid out yet (height 0) still renders a first screenful, so the first paint
 * has rows and a test or screen reader finds them.
 */
export function rowWindow(
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
  count: number,
  overscan = 8,
): RowWindow {
  const height = viewportHeight > 0 ? viewportHeight : 20 * rowHeight;
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const start = Math.max(0, Math.min(first, count) - overscan);
  const end = Math.min(count, first + Math.ceil(height / rowHeight) + overscan);
  return { start, end: Math.max(start, end) };
}

/** The scrollTop that brings row `index` fully into view, or undefined when it already is. */
export function scrollToShow(
  index: number,
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
): number | undefined {
  const top = index * rowHeight;
  if (top < scrollTop) return top;
  if (top + rowHeight > scrollTop + viewportHeight) return top + rowHeight - viewportHeight;
  return undefined;
}
