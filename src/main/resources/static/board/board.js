// Storyflow's board: the stories of a sprint per status, and the sprint's burndown, read from /api.
// One script for Cockpit's "Storyflow" plugin and for the /board page: a plain ES module, no build.
// Story text is data: it reaches the page as text nodes only, never as markup.

import { burndownChart, formatDay } from './burndown.js';

/** The value of the sprint choice that shows the stories in no sprint (Draft and Backlog). */
export const NO_SPRINT = '';

let mounted = 0;

/**
 * Shows the board in `root`.
 *
 * options.sprint        the sprint to show first: an id, NO_SPRINT, or nothing for the running sprint
 * options.cardLink      (card, status) => the address a card opens, or null
 * options.onCardOpen    (card, status) => called when a card without an address is opened; the card is then a button
 * options.onSprintChange (sprintId) => called when the user picks another sprint
 */
export async function mountBoard(root, options = {}) {
  const api = options.api || '/api';
  const id = `sf-board-${++mounted}`;
  const select = element('select', { id: `${id}-sprint`, class: 'sf-board__select' });
  const summary = element('p', { class: 'sf-board__summary', 'aria-live': 'polite' });
  const message = element('p', { class: 'sf-board__message', role: 'alert', hidden: '' });
  const burndown = element('section', { class: 'sf-board__burndown', 'aria-labelledby': `${id}-burndown`, hidden: '' },
    element('h2', { id: `${id}-burndown`, class: 'sf-board__heading' }, 'Burndown'));
  const columns = element('div', { class: 'sf-board__columns' });
  columns.addEventListener('keydown', moveBetweenCards);

  root.classList.add('sf-board');
  root.replaceChildren(
    element('div', { class: 'sf-board__top' },
      element('div', { class: 'sf-board__bar' },
        element('label', { for: select.id, class: 'sf-board__label' }, 'Sprint'), select, summary, key()),
      burndown),
    message,
    element('section', { class: 'sf-board__board', 'aria-labelledby': `${id}-columns` },
      element('h2', { id: `${id}-columns`, class: 'sf-board__heading' }, 'Stories by status'), columns));

  let latest = 0;
  const show = async (sprintId) => {
    const request = ++latest;
    root.setAttribute('aria-busy', 'true');
    try {
      const board = await getJson(sprintId ? `${api}/sprints/${encodeURIComponent(sprintId)}/board` : `${api}/board`);
      if (request !== latest) {
        return; // another sprint was chosen meanwhile
      }
      message.hidden = true;
      summary.textContent = describe(board);
      showBurndown(burndown, board, id);
      columns.replaceChildren(...board.columns.map(column => columnOf(column, options, id)));
    } catch (error) {
      if (request === latest) {
        showProblem(message, error);
      }
    } finally {
      if (request === latest) {
        root.removeAttribute('aria-busy');
      }
    }
  };

  let sprints;
  try {
    sprints = await getJson(`${api}/sprints`);
  } catch (error) {
    showProblem(message, error);
    return;
  }
  for (const sprint of sprints) {
    select.append(element('option', { value: sprint.sprintId }, `${sprint.name} (${sprint.state.toLowerCase()})`));
  }
  select.append(element('option', { value: NO_SPRINT }, 'No sprint: Draft and Backlog'));
  select.value = chooseSprint(sprints, options.sprint);
  select.addEventListener('change', () => {
    if (options.onSprintChange) {
      options.onSprintChange(select.value);
    }
    show(select.value);
  });
  await show(select.value);
}

/** The sprint asked for if it exists, else the running one, else the next planned, else no sprint. */
function chooseSprint(sprints, wanted) {
  if (wanted === NO_SPRINT || sprints.some(s => s.sprintId === wanted)) {
    return wanted;
  }
  const started = sprints.find(s => s.state === 'STARTED');
  const planned = sprints.filter(s => s.state === 'PLANNED');
  return (started || planned[planned.length - 1] || { sprintId: NO_SPRINT }).sprintId;
}

function describe(board) {
  const stories = board.columns.reduce((sum, column) => sum + column.cards.length, 0);
  if (!board.sprintId) {
    return `${count(stories, 'story', 'stories')} in no sprint.`;
  }
  const dates = board.startDate && board.endDate
    ? ` ${formatDay(board.startDate)} to ${formatDay(board.endDate)}.` : '';
  const goal = board.goal ? ` Goal: ${board.goal}.` : '';
  return `${count(stories, 'story', 'stories')}, ${board.pointsDone} of ${count(board.pointsCommitted, 'point', 'points')}`
    + ` done.${dates}${goal}`;
}

function showBurndown(section, board, id) {
  section.querySelectorAll('.sf-burndown, .sf-burndown__legend').forEach(node => node.remove());
  section.hidden = !board.burndown || board.burndown.length === 0;
  if (!section.hidden) {
    section.append(burndownChart(board.burndown, { id: `${id}-chart`, title: `Burndown of ${board.name}` }),
      element('p', { class: 'sf-burndown__legend' },
        element('span', { class: 'sf-burndown__key sf-burndown__key--actual' }, 'Points left'),
        element('span', { class: 'sf-burndown__key sf-burndown__key--ideal' }, 'Ideal')));
  }
}

const FLAGS = [
  ['overdue', 'Overdue', card => card.overdue],
  ['waiting', 'Waits for a human', card => card.waitingForHuman],
  ['incident', 'Incident', card => card.incident],
  ['agent', 'Agent at work', card => card.agentRunning],
];

/** What the marks on the cards mean; each has its colour and its words, so colour is never the only sign. */
function key() {
  return element('p', { class: 'sf-board__key' }, 'Marks on cards:',
    ...FLAGS.map(([kind, text]) => element('span', { class: `sf-flag sf-flag--${kind}` }, text)));
}

function columnOf(column, options, id) {
  const heading = `${id}-${column.status}`;
  const points = column.cards.reduce((sum, card) => sum + (card.storyPoints || 0), 0);
  const list = column.cards.length === 0
    ? element('p', { class: 'sf-column__empty' }, 'No stories')
    : element('ul', { class: 'sf-column__cards' }, ...column.cards.map(card => element('li', {}, cardOf(card, column, options))));
  return element('section', { class: 'sf-column', 'data-status': column.status, 'aria-labelledby': heading },
    element('h3', { id: heading, class: 'sf-column__title' }, column.label,
      element('span', { class: 'sf-column__count' }, ` ${column.cards.length}`
        + (points ? ` · ${points} pts` : ''))),
    element('p', { class: 'sf-column__owner' }, column.ownerLabel || 'Unassigned'),
    list);
}

function cardOf(card, column, options) {
  const href = options.cardLink ? options.cardLink(card, column.status) : null;
  let node;
  if (href) {
    node = element('a', { href });
  } else if (options.onCardOpen) {
    node = element('button', { type: 'button' });
    node.addEventListener('click', () => options.onCardOpen(card, column.status));
  } else {
    node = element('div');
  }
  node.dataset.storyId = card.storyId;
  const flags = FLAGS.filter(([, , applies]) => applies(card));
  node.className = ['sf-card', ...flags.map(([kind]) => `sf-card--${kind}`)].join(' ');
  const details = [card.assignee && `Claimed by ${card.assignee}`, card.due && `Due ${formatTime(card.due)}`]
    .filter(Boolean).join(' · ');
  node.append(
    element('span', { class: 'sf-card__head' },
      element('span', { class: 'sf-card__id' }, card.storyId),
      card.storyPoints != null ? element('span', { class: 'sf-card__points' }, `${card.storyPoints} pts`) : ''),
    element('span', { class: 'sf-card__title' }, card.title || 'Untitled'),
    details ? element('span', { class: 'sf-card__details' }, details) : '',
    flags.length ? element('span', { class: 'sf-card__flags' },
      ...flags.map(([kind, text]) => element('span', { class: `sf-flag sf-flag--${kind}` }, text))) : '');
  return node;
}

/**
 * Arrow keys move between cards: up and down within a status, left and right to the nearest
 * card of the next status that has one; Home and End go to the first and last card of a status.
 */
function moveBetweenCards(event) {
  const card = event.target.closest('.sf-card');
  if (!card || !['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(event.key)) {
    return;
  }
  const columns = [...event.currentTarget.querySelectorAll('.sf-column')]
    .map(column => [...column.querySelectorAll('a.sf-card, button.sf-card')])
    .filter(cards => cards.length > 0);
  const x = columns.findIndex(cards => cards.includes(card));
  if (x < 0) {
    return;
  }
  const y = columns[x].indexOf(card);
  const targets = {
    ArrowUp: () => columns[x][y - 1],
    ArrowDown: () => columns[x][y + 1],
    ArrowLeft: () => columns[x - 1] && columns[x - 1][Math.min(y, columns[x - 1].length - 1)],
    ArrowRight: () => columns[x + 1] && columns[x + 1][Math.min(y, columns[x + 1].length - 1)],
    Home: () => columns[x][0],
    End: () => columns[x][columns[x].length - 1],
  };
  const target = targets[event.key]();
  if (target) {
    event.preventDefault();
    target.focus();
  }
}

function showProblem(message, error) {
  const texts = {
    401: 'Log in to Camunda Tasklist or Cockpit first, or give your Storyflow user and password when the browser asks.',
    403: 'Only members of the team see the board.',
    404: 'There is no such sprint.',
  };
  message.textContent = texts[error.status] || `The board could not be read: ${error.message}`;
  message.hidden = false;
}

/** GET of a JSON resource with the browser's session or Basic credentials; throws with the status. */
export async function getJson(url) {
  const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) {
    const error = new Error(`${response.status} ${response.statusText}`);
    error.status = response.status;
    throw error;
  }
  return response.json();
}

/** An element with attributes and children (strings become text nodes). */
export function element(name, attributes = {}, ...children) {
  const node = document.createElement(name);
  for (const [key, value] of Object.entries(attributes)) {
    node.setAttribute(key, value);
  }
  node.append(...children.filter(child => child !== '' && child != null));
  return node;
}

function count(n, one, many) {
  return `${n} ${n === 1 ? one : many}`;
}

function formatTime(instant) {
  return new Date(instant).toLocaleString(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}
