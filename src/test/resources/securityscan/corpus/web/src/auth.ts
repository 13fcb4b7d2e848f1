export interface Credentials {
  username: string;
  password: string;
}

const apiKey = process.env.API_KEY;
const tokenStorageKey = "acme.session.token";

export function currentToken(): string | null {
  return localStorage.getItem(tokenStorageKey);
}

export function passwordField(): string {
  return '<input type="password" name="password" autocomplete="current-password">';
}

export const authHeader = () => ({ Authorization: `Bearer ${currentToken()}`, "x-api-key": apiKey });
