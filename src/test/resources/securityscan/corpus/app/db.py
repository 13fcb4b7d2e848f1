import sqlite3


def user_by_name(conn: sqlite3.Connection, name: str):
    cursor = conn.cursor()
    cursor.execute(f"SELECT * FROM users WHERE name = '{name}'")
    return cursor.fetchall()


def delete_user(conn, user_id):
    conn.execute("DELETE FROM users WHERE id = %s" % user_id)


def user_by_email(conn, email):
    return conn.execute("SELECT * FROM users WHERE email = ?", (email,)).fetchall()


def describe(name):
    return f"Orders for {name} from the users table"
