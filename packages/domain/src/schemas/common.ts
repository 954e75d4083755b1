import { z } from "zod";
import { isValidTn } from "../tns/parse-tns";
import { idInput, requiredText, textInput } from "../wire/text";

/** A canonical E.164 NANP number that passes every rule of SPEC 3. */
export const e164Schema = textInput(32, "A telephone number").refine(isValidTn, {
  message: "Enter a valid US telephone number in E.164 form (+1NPANXXXXXX).",
});

/** An ISO 8601 instant with `Z` or an offset. */
export const isoInstantSchema = z.iso.datetime({ offset: true, message: "Enter a date and time (ISO 8601)." });

/** A calendar date, `YYYY-MM-DD`. */
export const civilDateSchema = z.iso.date({ message: "Enter a date as YYYY-MM-DD." });

export const US_STATES = [
  "AL",
  "AK",
  "AZ",
  "AR",
  "CA",
  "CO",
  "CT",
  "DE",
  "DC",
  "FL",
  "GA",
  "HI",
  "ID",
  "IL",
  "IN",
  "IA",
  "KS",
  "KY",
  "LA",
  "ME",
  "MD",
  "MA",
  "MI",
  "MN",
  "MS",
  "MO",
  "MT",
  "NE",
  "NV",
  "NH",
  "NJ",
  "NM",
  "NY",
  "NC",
  "ND",
  "OH",
  "OK",
  "OR",
  "PA",
  "RI",
  "SC",
  "SD",
  "TN",
  "TX",
  "UT",
  "VT",
  "VA",
  "WA",
  "WV",
  "WI",
  "WY",
  "PR",
  "VI",
  "GU",
  "AS",
  "MP",
] as const;
export type UsState = (typeof US_STATES)[number];

export const zipSchema = textInput(10, "ZIP code").regex(/^\d{5}(-\d{4})?$/, {
  message: "Enter a 5-digit ZIP code (or ZIP+4).",
});

const required = (label: string) => requiredText(200, label);

/** The service address: where the service is installed, as the LSP has it on file. */
export const addressSchema = z.object({
  houseNumber: required("House number"),
  street: required("Street"),
  unit: textInput(200, "Unit").optional(),
  city: required("City"),
  state: z.enum(US_STATES, { message: "Enter a US state code such as NY." }),
  zip: zipSchema,
});
export type ServiceAddress = z.infer<typeof addressSchema>;

export const SUBSCRIBER_TYPES = ["BUSINESS", "RESIDENTIAL"] as const;
export type SubscriberType = (typeof SUBSCRIBER_TYPES)[number];

export const subscriberSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("BUSINESS"), businessName: required("Business name") }),
  z.object({ type: z.literal("RESIDENTIAL"), firstName: required("First name"), lastName: required("Last name") }),
]);
export type Subscriber = z.infer<typeof subscriberSchema>;

export const DOCUMENT_KINDS = ["LOA", "BILL_COPY", "CSR", "OTHER"] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** A document attached to an order; `signedOn` is the LOA's signature date. */
export const documentRefSchema = z.object({
  documentId: idInput("The document id"),
  kind: z.enum(DOCUMENT_KINDS),
  signedOn: civilDateSchema.optional(),
});
export type DocumentRef = z.infer<typeof documentRefSchema>;
