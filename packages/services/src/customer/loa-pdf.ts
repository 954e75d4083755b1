import { type DbOrTx, findBlocksForTns, findDraft, findOrderLines, findOrderRow } from "@portway/db";
import { easternDate, formatTn, type OrderDraft, parseTns } from "@portway/domain";
import { type LoaContent, renderLoaPdf } from "../documents/loa-document";
import { notFound } from "../errors";

function subscriberName(data: OrderDraft): string {
  const s = data.subscriber;
  return s?.type === "RESIDENTIAL" ? [s.firstName, s.lastName].filter(Boolean).join(" ") : (s?.businessName ?? "");
}

/** The LOA's content from an order's (or a draft's) fields, its TNs and the carriers the numbering plan names. */
export async function loaContentOf(
  db: DbOrTx,
  data: OrderDraft,
  input: { tns: readonly string[]; reference: string; now: Date; authorizingTitle?: string | null },
): Promise<LoaContent> {
  const tns = parseTns(input.tns).tns;
  const carriers = [...new Set((await findBlocksForTns(db, tns)).map((block) => block.carrierName))].sort();
  const address = data.serviceAddress ?? {};
  const cityLine = [address.city, [address.state, address.zip].filter(Boolean).join(" ")].filter(Boolean).join(", ");
  return {
    reference: input.reference,
    endUser: subscriberName(data),
    serviceAddress: {
      line1: [address.houseNumber, address.street, address.unit].filter(Boolean).join(" "),
      line2: cityLine,
    },
    btn: data.btn ? formatTn(parseTns([data.btn]).tns[0] ?? data.btn, "NATIONAL") : null,
    accountNumber: data.accountNumber ?? null,
    partialPort: data.partialPort === true,
    tns: tns.map((tn) => formatTn(tn, "NATIONAL")),
    losingCarriers: carriers,
    authorizingPerson: data.loaAuthorizingPerson ?? "",
    authorizingTitle: input.authorizingTitle ?? null,
    preparedOn: easternDate(input.now.toISOString()) ?? input.now.toISOString().slice(0, 10),
  };
}

function loaFile(reference: string, pdf: Uint8Array) {
  const safe = reference.replace(/[^A-Za-z0-9_-]+/g, "-");
  return {
    fileName: `LOA-${safe}.pdf`,
    mediaType: "application/pdf",
    contentBase64: Buffer.from(pdf).toString("base64"),
  };
}

/**
 * A filled-in letter of authorization for the end user to sign (SPEC 10), from a draft of the customer's account.
 * The signed copy is uploaded back to the draft as its LOA (or signed online through a signing link).
 */
export async function generateDraftLoa(
  db: DbOrTx,
  where: { accountId: string; draftId: string; now: Date; authorizingTitle?: string | null },
) {
  const row = await findDraft(db, { draftId: where.draftId, accountId: where.accountId });
  if (!row) {
    throw notFound("The draft");
  }
  const data = row.data as OrderDraft;
  const reference = data.customerOrderRef || "draft";
  const content = await loaContentOf(db, data, {
    tns: data.tns ?? [],
    reference,
    now: where.now,
    authorizingTitle: where.authorizingTitle ?? null,
  });
  return loaFile(reference, await renderLoaPdf(content));
}

/** The same letter from a submitted order: its TNs, its fields as they are now and its losing carrier. */
export async function generateOrderLoa(
  db: DbOrTx,
  where: { accountId?: string; orderId: string; now: Date; authorizingTitle?: string | null },
) {
  const row = await findOrderRow(db, {
    orderId: where.orderId,
    ...(where.accountId ? { accountId: where.accountId } : {}),
  });
  if (!row) {
    throw notFound("The order");
  }
  const lines = await findOrderLines(db, row.id);
  const data = { ...(row.details as OrderDraft), btn: row.btn ?? undefined };
  const reference = row.customerReference ?? row.id.slice(0, 8);
  const content = await loaContentOf(db, data, {
    tns: lines.map((line) => line.tn),
    reference,
    now: where.now,
    authorizingTitle: where.authorizingTitle ?? null,
  });
  return loaFile(reference, await renderLoaPdf(content));
}
