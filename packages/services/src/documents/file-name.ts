/**
 * File names as stored and as sent back: what a user typed, less anything that could move a path, hide the real
 * extension or break a header. Letters of every script stay (Zoë's scan keeps its ë).
 */

// Control characters (Cc: C0, DEL, C1), format characters (Cf: bidi controls and marks, zero-width, BOM) and the
// line and paragraph separators.
const UNSAFE = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;
// Path separators and the characters Windows refuses in a name.
const SEPARATORS = /[/\\:*?"<>|]/g;
const MAX_NAME_LENGTH = 200;

/** A safe display and download name: no path separators, control or bidi characters, no leading dots; NFC. */
export function sanitizeFileName(name: string, fallback = "document"): string {
  let clean = name
    .normalize("NFC")
    .replace(UNSAFE, "")
    .replace(SEPARATORS, "_")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^[.\s]+/, "")
    .replace(/[.\s]+$/, "");
  if (clean.length > MAX_NAME_LENGTH) {
    const dot = clean.lastIndexOf(".");
    const extension = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : "";
    clean = clean.slice(0, MAX_NAME_LENGTH - extension.length) + extension;
  }
  return clean || fallback;
}

/** RFC 5987 value: UTF-8, percent-encoded except attr-char. */
function encodeExtValue(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * A Content-Disposition header (RFC 6266): an ASCII `filename` for old clients and the exact name as `filename*`.
 */
export function contentDisposition(name: string, disposition: "attachment" | "inline" = "attachment"): string {
  const safe = sanitizeFileName(name);
  const ascii =
    safe
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^\x20-\x7e]/g, "_")
      .replace(/["\\%]/g, "_") || "document";
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeExtValue(safe)}`;
}
