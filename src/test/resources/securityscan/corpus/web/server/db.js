const { Pool } = require("pg");
const pool = new Pool();

async function userById(req) {
  return pool.query("SELECT * FROM users WHERE id = " + req.params.id);
}

async function search(term) {
  return pool.query(`SELECT name FROM products WHERE name LIKE '%${term}%'`);
}

async function userByEmail(email) {
  return pool.query("SELECT * FROM users WHERE email = $1", [email]);
}

async function tagged(sql, id) {
  return pool.query(sql`SELECT * FROM users WHERE id = ${id}`);
}

module.exports = { userById, search, userByEmail, tagged };
