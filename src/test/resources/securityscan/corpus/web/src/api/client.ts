import axios from "axios";

const OPENAI_API_KEY = "%%FAKE:openai%%";

export const api = axios.create({
  baseURL: "https://api.acme.test",
  headers: { Authorization: "Bearer %%FAKE:bearer%%" },
});

export async function summarize(text: string): Promise<string> {
  const res = await axios.post("https://llm.acme.test/v1/chat", { text }, {
    headers: { "x-api-key": OPENAI_API_KEY },
  });
  return res.data.summary;
}
