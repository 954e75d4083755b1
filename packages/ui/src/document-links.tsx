"use client";

import { useState } from "react";

const PREVIEWABLE = new Set(["application/pdf", "image/png", "image/jpeg"]);

/** Open (download) and preview links of one stored document, served by the portal's documents route. */
export function DocumentLinks({ doc }: { doc: { id: string; fileName: string; mediaType: string } }) {
  const [showImage, setShowImage] = useState(false);
  const href = `/documents/${doc.id}`;
  const image = doc.mediaType.startsWith("image/") && PREVIEWABLE.has(doc.mediaType);
  return (
    <span className="document-links">
      <a href={href} download={doc.fileName} aria-label={`Download ${doc.fileName}`}>
        Download
      </a>
      {PREVIEWABLE.has(doc.mediaType) && !image ? (
        <>
          {" · "}
          <a href={`${href}?inline=1`} target="_blank" rel="noopener" aria-label={`Preview ${doc.fileName}`}>
            Preview
          </a>
        </>
      ) : null}
      {image ? (
        <>
          {" · "}
          <button type="button" className="link-button" onClick={() => setShowImage((shown) => !shown)}>
            {showImage ? "Hide preview" : "Preview"}
          </button>
          {showImage ? (
            <img className="document-preview" src={`${href}?inline=1`} alt={`Preview of ${doc.fileName}`} />
          ) : null}
        </>
      ) : null}
    </span>
  );
}
