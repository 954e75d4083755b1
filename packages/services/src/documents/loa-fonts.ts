import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

// DejaVu Sans (Bitstream Vera licence with public-domain DejaVu changes): Latin, Greek, Cyrillic and more, so that
// names such as "Zoë Müller-Łukasik" print as typed. Shipped by the dejavu-fonts-ttf package.
const FONT_PACKAGE = "dejavu-fonts-ttf";
const FILES = { regular: "DejaVuSans.ttf", bold: "DejaVuSans-Bold.ttf", signature: "DejaVuSerif-Italic.ttf" } as const;

type LoaFonts = Record<keyof typeof FILES, Uint8Array>;

let cached: Promise<LoaFonts> | null = null;

/**
 * Where the font package may be: beside this package's sources, or under the portal's node_modules when bundled.
 * The paths are built at run time from a list, so that a bundler's file tracing does not take them for its own.
 */
function fontFolders(): string[] {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const beside = [here, "..", "..", "node_modules", FONT_PACKAGE];
  const portal = [process.cwd(), "node_modules", "@portway", "services", "node_modules", FONT_PACKAGE];
  return [beside, portal].map((parts) => parts.reduce((joined, part) => path.resolve(joined, part)));
}

async function readFont(file: string): Promise<Uint8Array> {
  let lastError: unknown = null;
  for (const folder of fontFolders()) {
    try {
      return new Uint8Array(await readFile(path.join(folder, "ttf", file)));
    } catch (error) {
      lastError = error;
    }
  }
  throw new Error(`The LOA font ${file} of ${FONT_PACKAGE} was not found`, { cause: lastError });
}

/** The LOA's fonts, read once per process. */
export function loaFonts(): Promise<LoaFonts> {
  cached ??= Promise.all([readFont(FILES.regular), readFont(FILES.bold), readFont(FILES.signature)]).then(
    ([regular, bold, signature]) => ({ regular, bold, signature }),
  );
  cached.catch(() => {
    cached = null;
  });
  return cached;
}
