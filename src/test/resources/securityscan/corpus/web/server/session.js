const serialize = require("node-serialize");

function readSession(req) {
  return serialize.unserialize(Buffer.from(req.cookies.session, "base64").toString());
}

function readPreferences(req) {
  return JSON.parse(req.cookies.preferences || "{}");
}

module.exports = { readSession, readPreferences };
