import type http from "node:http";

const maxBodyBytes = 10 * 1024 * 1024;

export type BodyResult = { ok: true; value: unknown } | { ok: false; status: number; message: string };

/** Reads and JSON-decodes a request body; an empty body is `undefined`. */
export async function readJsonBody(request: http.IncomingMessage): Promise<BodyResult> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > maxBodyBytes) {
      return { ok: false, status: 413, message: "The body is larger than 10 MB." };
    }
    chunks.push(buffer);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (text.trim() === "") {
    return { ok: true, value: undefined };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, status: 400, message: "The body is not valid JSON." };
  }
}

export function sendJson(
  response: http.ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    "content-type": "application/json",
    "content-length": String(Buffer.byteLength(text)),
    ...headers,
  });
  response.end(text);
}

export function sendError(
  response: http.ServerResponse,
  status: number,
  code: string,
  message: string,
  details?: unknown,
) {
  sendJson(response, status, { error: { code, message, ...(details === undefined ? {} : { details }) } });
}
