export const firebaseConfig = {
  apiKey: "%%FAKE:gcp-api-key%%",
  authDomain: "acme-portal.firebaseapp.com",
  projectId: "acme-portal",
};

export const alerts = {
  discord: "%%FAKE:discord-webhook%%",
};
