// Storyflow's Cockpit (Camunda 7 webapp configuration, read when Cockpit starts).
export default {
  // the header and the browser tab say "Storyflow Cockpit"
  app: {
    vendor: 'Storyflow',
    name: 'Cockpit'
  },
  // Cockpit plugins, as paths below app/cockpit/ without ".js"
  customScripts: ['scripts/storyflow-board/plugin']
};
