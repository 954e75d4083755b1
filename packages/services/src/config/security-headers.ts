/**
 * The portals' Content-Security-Policy for one response: scripts only with this response's nonce (and what they load,
 * `strict-dynamic`), nothing may frame the page, no plugins, forms and `<base>` stay on the portal. Development adds
 * what `next dev` needs (eval for fast refresh, inline styles it injects, its websocket).
 */
export function contentSecurityPolicy(nonce: string, options: { production: boolean }): string {
  const { production } = options;
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${production ? "" : " 'unsafe-eval'"}`,
    production ? `style-src 'self' 'nonce-${nonce}'` : "style-src 'self' 'unsafe-inline'",
    // React's style={…} props (charts, bars) are attributes, not style elements.
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    `connect-src 'self'${production ? "" : " ws: wss:"}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(production ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** A fresh nonce per response: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/** Sent with every response of both portals besides the CSP: no framing, no sniffing, no referrer leaks, no devices. */
export function staticSecurityHeaders(options: { production: boolean }): { key: string; value: string }[] {
  return [
    { key: "X-Frame-Options", value: "DENY" },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    {
      key: "Permissions-Policy",
      value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), hid=(), midi=()",
    },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
    ...(options.production ? [{ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" }] : []),
  ];
}

/** Bodies larger than these are refused (413) from the `Content-Length`, before a route reads them. */
export const bodyLimits = { auth: 16 * 1024, default: 5 * 1024 * 1024 } as const;
