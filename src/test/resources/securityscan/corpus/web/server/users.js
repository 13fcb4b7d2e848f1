const crypto = require("crypto");

function storePassword(user, password) {
  user.passwordHash = crypto.createHash("md5").update(password).digest("hex");
}

function etag(fileBuffer) {
  return crypto.createHash("md5").update(fileBuffer).digest("hex");
}

function checksum(fileBuffer) {
  return crypto.createHash("sha256").update(fileBuffer).digest("hex");
}

module.exports = { storePassword, etag, checksum };
