// The /board page: the board of Cockpit's Storyflow plugin for those who do not use Cockpit.
// The sprint shown is kept in the address (?sprint=…); a card opens the story in a dialog.

import { element, getJson, mountBoard } from './board.js';

const address = new URL(window.location.href);

mountBoard(document.getElementById('board'), {
  sprint: address.searchParams.has('sprint') ? address.searchParams.get('sprint') : undefined,
  onSprintChange: sprintId => {
    address.searchParams.set('sprint', sprintId);
    window.history.replaceState(null, '', address);
  },
  onCardOpen: card => openStory(card.storyId),
});

/** The story, its open tasks and its status history, in a modal dialog (Escape closes it). */
async function openStory(storyId) {
  const close = element('button', { type: 'button', class: 'sf-dialog__close' }, 'Close');
  const dialog = element('dialog', { class: 'sf-dialog', 'aria-labelledby': 'sf-story-title' }, close,
    element('h2', { id: 'sf-story-title' }, storyId), element('p', {}, 'Loading…'));
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  try {
    const story = await getJson(`/api/stories/${encodeURIComponent(storyId)}`);
    dialog.replaceChildren(close, ...storyContent(story));
  } catch (error) {
    dialog.replaceChildren(close, element('h2', { id: 'sf-story-title' }, storyId),
      element('p', { role: 'alert' }, `The story could not be read: ${error.message}`));
  }
  close.focus();
}

function storyContent(story) {
  const tasks = story.openTasks || [];
  const history = story.history || [];
  return [
    element('h2', { id: 'sf-story-title' }, `${story.storyId}: ${story.title}`),
    element('p', {}, `${story.statusLabel || story.status}${story.storyPoints != null ? ` · ${story.storyPoints} points` : ''}`
      + `${story.sprint ? ` · sprint ${story.sprint}` : ''}`),
    element('p', {}, `As a ${story.asA}, I want ${story.iWant}, so that ${story.soThat}.`),
    element('h3', {}, 'Acceptance criteria'),
    element('ul', {}, ...(story.acceptanceCriteria || []).map(criterion => element('li', {}, criterion))),
    element('h3', {}, 'Waiting for'),
    tasks.length === 0 ? element('p', {}, 'No open task.') : element('ul', {}, ...tasks.map(task => element('li', {},
      `${task.name} (${(task.candidateGroups || []).join(', ')})`
      + (task.due ? `, due ${new Date(task.due).toLocaleString()}` : '') + (task.overdue ? ', overdue' : '')))),
    element('h3', {}, 'History'),
    element('ol', {}, ...history.map(entry => element('li', {},
      `${new Date(entry.enteredAt).toLocaleString()}: ${entry.status}${entry.by ? ` by ${entry.by}` : ''}`
      + (entry.comment ? `: ${entry.comment}` : '')))),
  ];
}
