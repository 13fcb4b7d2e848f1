// A story in a modal dialog: its statement, acceptance criteria, the tasks it waits for and its
// status history, read from /api/stories/{storyId}. Used by the /board page for every card and by
// Cockpit's plugin for the cards of stories that are done (Cockpit shows running instances only).
// Story text is data: it reaches the page as text nodes only.

import { element, getJson } from './board.js';

/** Opens the story in a modal dialog; Escape or its Close button closes it. */
export async function openStory(storyId) {
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
