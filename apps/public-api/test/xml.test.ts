import { describe, expect, it } from "vitest";
import { BandwidthError, parseXml } from "../src/bandwidth/xml";

/** The BandwidthError a body is refused with (fails the test when it is accepted). */
function refusal(text: string): BandwidthError {
  try {
    parseXml(text);
  } catch (error) {
    if (error instanceof BandwidthError) {
      return error;
    }
    throw error;
  }
  throw new Error(`accepted: ${text}`);
}

describe("parseXml", () => {
  it("reads the root, nested elements, repeated elements as a list and trimmed text", () => {
    const { root, node } = parseXml(
      `<?xml version="1.0" encoding="UTF-8"?>\n<LnpOrder>\n  <CustomerOrderId> A-1 </CustomerOrderId>\n  <ListOfPhoneNumbers><PhoneNumber>6172530001</PhoneNumber><PhoneNumber>6172530002</PhoneNumber></ListOfPhoneNumbers>\n  <Subscriber><ServiceAddress><Zip>02134</Zip></ServiceAddress></Subscriber>\n  <PON/>\n</LnpOrder>`,
    );
    expect(root).toBe("LnpOrder");
    expect(node).toEqual({
      CustomerOrderId: "A-1",
      ListOfPhoneNumbers: { PhoneNumber: ["6172530001", "6172530002"] },
      Subscriber: { ServiceAddress: { Zip: "02134" } },
      PON: "",
    });
  });

  it("drops namespace prefixes, attributes, comments and processing instructions; reads CDATA and entities as text", () => {
    const { root, node } = parseXml(
      `<bw:LnpOrder xmlns:bw="urn:x" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><!-- a note --><?pi x?><bw:CustomerOrderId xsi:type="string">A&amp;B &#x41;</bw:CustomerOrderId><Note><![CDATA[<not> an element]]></Note></bw:LnpOrder>`,
    );
    expect(root).toBe("LnpOrder");
    expect(node).toEqual({ CustomerOrderId: "A&B A", Note: "<not> an element" });
  });

  it("answers an empty node for a root with text only", () => {
    expect(parseXml("<LnpOrder>text</LnpOrder>")).toEqual({ root: "LnpOrder", node: {} });
  });

  it.each([
    ["an empty body", "   ", "The body is empty."],
    ["an unclosed element", "<LnpOrder><PON>1</LnpOrder>", "not well-formed"],
    ["text after the root", "<LnpOrder/>trailing", "not well-formed"],
    ["two roots", "<A/><B/>", "root"],
    ["an entity XML does not define", "<A>&nbsp;</A>", "not well-formed"],
    ["plain text", "PhoneNumber=1", "not well-formed"],
  ])("refuses %s as a 400 with code 12000", (_label, text, why) => {
    const error = refusal(text);
    expect(error.status).toBe(400);
    expect(error.code).toBe("12000");
    expect(error.message).toContain(why);
  });

  it("refuses a DOCTYPE, so that no entity it declares is ever expanded", () => {
    const error = refusal(
      '<?xml version="1.0"?><!DOCTYPE LnpOrder [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><LnpOrder><PON>&lol2;</PON></LnpOrder>',
    );
    expect(error.status).toBe(400);
    expect(error.message).toBe("The body must not declare a DOCTYPE.");
  });

  it("refuses an element holding both text and elements, naming it", () => {
    const error = refusal("<LnpOrder><Subscriber>text<Zip>02134</Zip></Subscriber></LnpOrder>");
    expect(error.code).toBe("7311");
    expect(error.message).toBe("Subscriber must hold either text or elements, not both.");
  });

  it("refuses an element named __proto__ instead of letting it replace a node's prototype", () => {
    const error = refusal("<LnpOrder><__proto__><polluted>yes</polluted></__proto__></LnpOrder>");
    expect(error.code).toBe("7311");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("reads 10,000 repeated numbers into one list", () => {
    const tns = Array.from({ length: 10_000 }, (_, i) => `617253${String(i).padStart(4, "0")}`);
    const { node } = parseXml(
      `<NumberPortabilityRequest><TnList>${tns.map((tn) => `<Tn>${tn}</Tn>`).join("")}</TnList></NumberPortabilityRequest>`,
    );
    expect((node.TnList as { Tn: string[] }).Tn).toEqual(tns);
  });
});
