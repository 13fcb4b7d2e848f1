// Cockpit's "Storyflow" plugin (Camunda 7 webapp plugin, listed in ../config.js customScripts):
// a "Storyflow" link in Cockpit's header, the board at #/storyflow (?sprint=… picks a sprint, and
// the sprint chosen is kept there), and the open sprints on Cockpit's dashboard. The board itself is
// Storyflow's shared script at /board/, which reads /api with Cockpit's own session: no second login.

import { element, getJson, mountBoard } from '/board/board.js';
import { openStory } from '/board/story.js';

const ROUTE = '/storyflow';

function useBoardStyles() {
  if (!document.querySelector('link[data-storyflow-board]')) {
    const link = element('link', { rel: 'stylesheet', href: '/board/board.css', 'data-storyflow-board': '' });
    document.head.append(link);
  }
}

function sprintInAddress() {
  const query = window.location.hash.split('?')[1];
  return query ? new URLSearchParams(query).get('sprint') : null;
}

/** The board's address for a sprint; replacing the current entry, so Back leaves the board. */
function keepSprintInAddress(sprintId) {
  window.location.replace(`#${ROUTE}?sprint=${encodeURIComponent(sprintId)}`);
}

export default [
  {
    id: 'storyflow-navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 5,
    properties: { path: ROUTE },
    render: node => {
      node.append(element('a', { href: `#${ROUTE}` }, 'Storyflow'));
    },
  },
  {
    id: 'storyflow-board',
    pluginPoint: 'cockpit.route',
    properties: { path: ROUTE, label: 'Storyflow' },
    render: node => {
      useBoardStyles();
      const root = element('div', { class: 'sf-board sf-board--cockpit' });
      node.append(root);
      mountBoard(root, {
        sprint: sprintInAddress(),
        onSprintChange: keepSprintInAddress,
        cardLink: (card, status) => status === 'DONE'
          ? null : `#/process-instance/${encodeURIComponent(card.processInstanceId)}/runtime`,
        // Cockpit's community edition shows running instances only: a story that is done opens
        // in the board's story dialog, with its status history
        onCardOpen: card => openStory(card.storyId),
      });
    },
  },
  {
    id: 'storyflow-dashboard',
    pluginPoint: 'cockpit.dashboard',
    priority: 5,
    properties: { label: 'Storyflow' },
    render: async node => {
      useBoardStyles();
      const list = element('ul', { class: 'sf-dashboard', 'aria-label': 'Boards of the open sprints' });
      node.append(element('p', {}, 'The team\'s board: stories by status, and the sprint\'s burndown.'), list);
      try {
        const sprints = await getJson('/api/sprints?open=true');
        for (const sprint of sprints) {
          list.append(element('li', {}, element('a', { href: `#${ROUTE}?sprint=${encodeURIComponent(sprint.sprintId)}` },
            `${sprint.name} (${sprint.state.toLowerCase()})`)));
        }
      } catch (error) {
        // the board's own page says what went wrong; the dashboard keeps its link
      }
      list.append(element('li', {}, element('a', { href: `#${ROUTE}?sprint=` }, 'Stories in no sprint')));
    },
  },
];
