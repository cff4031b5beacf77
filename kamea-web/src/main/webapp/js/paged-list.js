// A paged list: its errors, a table under a header row and the pager below it; load() fetches a
// page and shows its rows (one "empty" row when there are none) or the problem.
import {h, fill, showProblem} from './dom.js';
import {showPager} from './pager.js';

/**
 * pagedList({id, columns, fetch, row, empty, noun}) → {elements: [errors, table, pager], errors, load}.
 * id: the table's id; columns: the header texts; fetch(page) → {items, size, total} (page from 0);
 * row(item, errors, load) → a tr; empty: the text when there are no items; noun: [singular, plural].
 * Optional: page, the first one shown (0); go(page), how the pager moves to another page (load(page));
 * busy, when true the table is aria-busy while it loads, only the latest answer is shown and a
 * failure empties the list and the pager.
 * load(page) shows that page, load() the current one again.
 */
export function pagedList({id, columns, fetch, row, empty, noun, page = 0, go, busy = false}) {
  const errors = h('div', {class: 'errors'});
  const rows = h('tbody');
  const pager = h('nav', {class: 'pager', 'aria-label': 'Pages'});
  const table = h('table', {class: 'list', id, 'aria-busy': busy ? 'true' : null},
    h('thead', {}, h('tr', {}, columns.map((column) => h('th', {}, column)))),
    rows);
  const moveTo = go ?? load;
  // Answers can come back out of order (busy lists): only the last one counts.
  let latest = 0;
  const loading = (state) => busy && table.setAttribute('aria-busy', String(state));

  async function load(next = page) {
    page = next;
    const mine = ++latest;
    loading(true);
    let result;
    try {
      result = await fetch(page);
    } catch (error) {
      if (busy && mine !== latest) return;
      if (busy) {
        rows.replaceChildren();
        pager.replaceChildren();
      }
      showProblem(errors, error);
      loading(false);
      return;
    }
    if (busy && mine !== latest) return;
    showProblem(errors, null);
    fill(rows, result.items.length === 0
      ? h('tr', {}, h('td', {colspan: columns.length, class: 'muted'}, empty))
      : result.items.map((item) => row(item, errors, load)));
    showPager(pager, {...result, page}, noun, moveTo);
    loading(false);
  }

  return {elements: [errors, table, pager], errors, load};
}
