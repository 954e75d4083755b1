import { XMLBuilder } from "fast-xml-parser";
import { SaxesParser } from "saxes";

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

const builder = new XMLBuilder({ format: true, indentBy: "  ", suppressEmptyNode: false });

/** An element being read: its name without prefix, its children so far (null while it has none) and its text. */
interface OpenElement {
  name: string;
  node: XmlNode | null;
  text: string;
}

const notWellFormed = (why: string) => new BandwidthError(400, "12000", `The body is not well-formed XML: ${why}`);

/**
 * The document's root element and its content, read in one pass by a strict parser (saxes): anything that is not one
 * well-formed XML element is a 400. Attributes, comments, the declaration and processing instructions are ignored;
 * namespace prefixes are dropped (xsi, xsd from .NET's serializer are not part of Bandwidth's element names); text
 * is trimmed, CDATA is text, and a repeated element becomes a list. A DOCTYPE is refused (no entity of its own is
 * ever expanded), and so is an element holding both text and elements.
 */
export function parseXml(text: string): { root: string; node: XmlNode } {
  if (!text.trim()) {
    throw notWellFormed("The body is empty.");
  }
  const parser = new SaxesParser();
  const open: OpenElement[] = [];
  let root: { name: string; value: XmlValue } | null = null;
  const addText = (chunk: string) => {
    const current = open[open.length - 1];
    if (current) {
      current.text += chunk;
    }
  };
  parser.on("doctype", () => {
    throw new BandwidthError(400, "12000", "The body must not declare a DOCTYPE.");
  });
  parser.on("opentag", (tag) => {
    const colon = tag.name.indexOf(":");
    const name = colon >= 0 ? tag.name.slice(colon + 1) : tag.name;
    if (name === "__proto__") {
      throw new BandwidthError(400, "7311", `${name} is not an element this API accepts.`);
    }
    open.push({ name, node: null, text: "" });
  });
  parser.on("text", addText);
  parser.on("cdata", addText);
  parser.on("closetag", () => {
    const done = open.pop();
    if (!done) {
      return;
    }
    const content = done.text.trim();
    if (done.node && content) {
      throw new BandwidthError(400, "7311", `${done.name} must hold either text or elements, not both.`);
    }
    const value: XmlValue = done.node ?? content;
    const parent = open[open.length - 1];
    if (!parent) {
      if (root) {
        throw new BandwidthError(400, "12000", "The body must hold exactly one root element.");
      }
      root = { name: done.name, value };
      return;
    }
    parent.node ??= {};
    const before = parent.node[done.name];
    if (before === undefined) {
      parent.node[done.name] = value;
    } else if (Array.isArray(before)) {
      before.push(value);
    } else {
      parent.node[done.name] = [before, value];
    }
  });
  try {
    parser.write(text).close();
  } catch (error) {
    throw error instanceof BandwidthError
      ? error
      : notWellFormed(error instanceof Error ? error.message : String(error));
  }
  const read = root as { name: string; value: XmlValue } | null;
  if (!read) {
    throw new BandwidthError(400, "12000", "The body must hold exactly one root element.");
  }
  return { root: read.name, node: typeof read.value === "object" && !Array.isArray(read.value) ? read.value : {} };
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
