const tone: Record<string, string> = {
  DRAFT: "neutral",
  SUBMITTED: "info",
  CSR_REVIEW: "info",
  PENDING_FOC: "info",
  FOC: "good",
  SUPP_PENDING: "warn",
  EXCEPTION: "bad",
  COMPLETE: "good",
  CANCELLED: "neutral",
};

export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge badge--${tone[status] ?? "neutral"}`}>{status.replaceAll("_", " ")}</span>;
}
