INSERT INTO users (email, password_hash) VALUES
  ('admin@acme.test', '$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$qEgQ9ZGxiRkBC1f9yOr0Qm5vWLb5nGMx'),
  ('qa@acme.test', '$2b$12$KIXQJQq4Y1rQm2Z0Q8oTUOcZ3aGm0d4zv3G9vE6oQhN3Xq1xQk9yK');
