import https from "https";

export const partnerAgent = new https.Agent({ rejectUnauthorized: false });

export function disableChecks(): void {
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0";
}

export const strictAgent = new https.Agent({ rejectUnauthorized: true });
