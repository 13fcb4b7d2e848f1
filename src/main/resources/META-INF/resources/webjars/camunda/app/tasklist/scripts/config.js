// Storyflow's Tasklist (Camunda 7 webapp configuration, read when Tasklist starts).
export default {
  // the header and the browser tab say "Storyflow Tasklist"
  app: {
    vendor: 'Storyflow',
    name: 'Tasklist'
  },
  // Storyflow's additions to the Camunda Forms of tasks and of the start form
  customScripts: ['scripts/storyflow-tasklist'],
  // a comment added in Tasklist belongs to the story, so later tasks show it in their History tab
  assignProcessInstanceIdToTaskComment: true,
  shortcuts: {
    claimTask: {key: 'ctrl+alt+c', description: 'claim the open task'},
    focusFilter: {key: 'ctrl+shift+f', description: 'go to the first filter'},
    focusList: {key: 'ctrl+alt+l', description: 'go to the first task of the list'},
    focusForm: {key: 'ctrl+alt+f', description: 'go to the first field of the task form'},
    startProcess: {key: 'ctrl+alt+p', description: 'start a story'}
  }
};
