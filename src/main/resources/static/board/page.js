// The /board page: the board of Cockpit's Storyflow plugin for those who do not use Cockpit.
// The sprint shown is kept in the address (?sprint=…); a card opens the story in a dialog.

import { mountBoard } from './board.js';
import { openStory } from './story.js';

const address = new URL(window.location.href);

mountBoard(document.getElementById('board'), {
  sprint: address.searchParams.has('sprint') ? address.searchParams.get('sprint') : undefined,
  onSprintChange: sprintId => {
    address.searchParams.set('sprint', sprintId);
    window.history.replaceState(null, '', address);
  },
  onCardOpen: card => openStory(card.storyId),
});
