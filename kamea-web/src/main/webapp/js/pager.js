// The line under a paged list: previous, "Page 2 of 5 · 93 keys", next.
import {h, fill} from './dom.js';

/**
 * Fills place for result {page, size, total} (page from 0); go(page) shows another page.
 * noun: [singular, plural].
 */
export function showPager(place, result, [one, many], go) {
  const page = result.page ?? 0;
  const pages = Math.max(1, Math.ceil(result.total / Math.max(1, result.size)));
  fill(place,
    h('button', {type: 'button', class: 'previous', disabled: page === 0, onclick: () => go(page - 1)}, '‹ Previous'),
    h('span', {class: 'muted'}, `Page ${page + 1} of ${pages} · ${result.total} ${result.total === 1 ? one : many}`),
    h('button', {type: 'button', class: 'next', disabled: page + 1 >= pages, onclick: () => go(page + 1)}, 'Next ›'));
}
