"use client";

import { DocumentLinks, formatEastern } from "@portway/ui";
import type { WorkbenchView } from "./workbench-types";

/** The order's documents (LOAs, bills, CSRs) for the porting team: open, download and preview. */
export function OrderDocuments({ view }: { view: WorkbenchView }) {
  const documents = view.documents;
  return (
    <section className="card" aria-labelledby="documents-heading">
      <h2 id="documents-heading">Documents ({documents.length})</h2>
      {documents.length === 0 ? (
        <p className="muted">No documents.</p>
      ) : (
        <ul className="item-list">
          {documents.map((doc) => (
            <li key={doc.id}>
              {doc.fileName}{" "}
              <span className="muted">
                ({doc.kind}, {Math.ceil(doc.size / 1024)} KB
                {doc.signedAt ? `, signed ${formatEastern(doc.signedAt)}` : ""})
              </span>{" "}
              <DocumentLinks doc={doc} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
