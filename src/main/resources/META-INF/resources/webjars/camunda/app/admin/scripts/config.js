// Storyflow's Admin (Camunda 7 webapp configuration, read when Admin starts).
export default {
  // the header and the browser tab say "Storyflow Admin"
  app: {
    vendor: 'Storyflow',
    name: 'Admin'
  }
};
