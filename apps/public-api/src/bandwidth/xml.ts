import { XMLBuilder, XMLParser, XMLValidator } from "fast-xml-parser";

/** A parsed element: text for a leaf, an object of children, or a list when the element repeats. */
export type XmlValue = string | XmlNode | XmlValue[];
export interface XmlNode {
  [name: string]: XmlValue;
}

/** An error in Bandwidth's shape: a code, what is wrong and, when it concerns some numbers, which. */
export class BandwidthError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly tns: readonly string[] = [],
  ) {
    super(message);
  }
}

const parser = new XMLParser({
  ignoreAttributes: true,
  // Namespaces (xsi, xsd from .NET's serializer) and prefixes are not part of Bandwidth's element names.
  removeNSPrefix: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  parseTagValue: false,
  trimValues: true,
  processEntities: true,
});

const builder = new XMLBuilder({ format: true, indentBy: "  ", suppressEmptyNode: false });

/** The document's root element and its content; anything that is not one well-formed XML element is a 400. */
export function parseXml(text: string): { root: string; node: XmlNode } {
  const checked = text.trim() ? XMLValidator.validate(text) : { err: { msg: "The body is empty." } };
  if (checked !== true) {
    throw new BandwidthError(400, "12000", `The body is not well-formed XML: ${checked.err.msg}`);
  }
  const parsed = parser.parse(text) as XmlNode;
  const roots = Object.keys(parsed);
  const root = roots[0];
  if (roots.length !== 1 || root === undefined) {
    throw new BandwidthError(400, "12000", "The body must hold exactly one root element.");
  }
  const value = parsed[root];
  return { root, node: typeof value === "object" && !Array.isArray(value) ? value : {} };
}

export function buildXml(root: string, content: unknown): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${builder.build({ [root]: content })}`;
}

/** The element's values as a list, whether it appeared once, many times or not at all. */
export function listOf(value: XmlValue | undefined): XmlValue[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

export function textOf(value: XmlValue | undefined, path: string): string | undefined {
  if (value === undefined) {
    return undefined;
  }
  if (typeof value !== "string") {
    throw new BandwidthError(400, "7311", `${path} must be a single text element.`);
  }
  return value;
}

export function nodeOf(value: XmlValue | undefined, path: string): XmlNode | undefined {
  if (value === undefined || value === "") {
    return undefined;
  }
  if (typeof value !== "object" || Array.isArray(value)) {
    throw new BandwidthError(400, "7311", `${path} must be an element with children.`);
  }
  return value;
}

/** Element names allowed at each place; `true` for a leaf, a nested spec for an element with children. */
export interface ElementSpec {
  [name: string]: true | ElementSpec;
}

/**
 * Refuses any element this API does not know at that place (Bandwidth drops some silently, such as an
 * AccountNumber outside WirelessInfo; here it is an error naming the element and where it belongs).
 */
export function checkElements(node: XmlNode, spec: ElementSpec, path: string, known: Record<string, string> = {}) {
  for (const [name, value] of Object.entries(node)) {
    const allowed = spec[name];
    const here = `${path}/${name}`;
    if (allowed === undefined) {
      const hint = known[name];
      throw new BandwidthError(
        400,
        "7311",
        hint ? `${here} is misplaced: it belongs in ${hint}.` : `${here} is not an element this API accepts.`,
      );
    }
    for (const item of listOf(value)) {
      if (allowed === true) {
        if (typeof item !== "string") {
          throw new BandwidthError(400, "7311", `${here} must be a text element.`);
        }
      } else if (item !== "") {
        if (typeof item !== "object" || Array.isArray(item)) {
          throw new BandwidthError(400, "7311", `${here} must be an element with children.`);
        }
        checkElements(item, allowed, here, known);
      }
    }
  }
}
