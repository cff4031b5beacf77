// The Device Management UI: a hash router over four views. Each view renders into <main> and
// may return a function that stops what it started (refresh timers) when the view is left.
import {devicesView} from './devices-list.js';
import {createView} from './device-create.js';
import {deviceView} from './device-page.js';
import {bansView} from './bans-list.js';
import {h, fill} from './dom.js';

const main = document.getElementById('app');
let leave = null;

function route() {
  const [path, search = ''] = location.hash.replace(/^#/, '').split('?');
  const params = new URLSearchParams(search);
  const parts = path.split('/').filter(Boolean);
  if (parts[0] === 'new') {
    return () => createView();
  }
  if (parts[0] === 'bans') {
    return () => bansView();
  }
  if (parts[0] === 'devices' && parts[1]) {
    return () => deviceView(decodeURIComponent(parts[1]));
  }
  if (parts.length === 0 || parts[0] === 'devices') {
    return () => devicesView({search: params.get('search') ?? '', page: Number(params.get('page') ?? 0) || 0});
  }
  return () => ({element: h('p', {class: 'problem'}, 'No such page. ', h('a', {href: '#/'}, 'Back to the devices'))});
}

function render() {
  if (leave) {
    leave();
    leave = null;
  }
  const view = route()();
  leave = view.leave ?? null;
  fill(main, view.element);
  window.scrollTo(0, 0);
}

window.addEventListener('hashchange', render);
render();
