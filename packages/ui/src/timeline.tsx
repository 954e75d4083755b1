import { formatEastern } from "./format";

export interface TimelineEntry {
  id: string | number;
  at: Date | string;
  actorKind: string;
  /** The user's or API key's name where the viewer may see it. */
  actorName?: string | null;
  event: string;
  from: string | null;
  to: string | null;
  reason: string | null;
  changes: readonly { field: string; from?: unknown; to?: unknown }[];
}

const actors: Record<string, string> = {
  USER: "You",
  API_KEY: "API key",
  STAFF: "Porting team",
  PARTNER: "Porting partner",
  SYSTEM: "Portway",
  LSP: "Losing carrier",
};

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") {
    return "—";
  }
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

/** The order's history, oldest first: who moved it, from which status to which, why, and what changed. */
export function Timeline({ entries, label = "Timeline" }: { entries: readonly TimelineEntry[]; label?: string }) {
  return (
    <ol className="timeline" aria-label={label}>
      {entries.map((entry) => (
        <li key={entry.id}>
          <div className="timeline__head">
            <time dateTime={new Date(entry.at).toISOString()}>{formatEastern(entry.at)}</time>{" "}
            <strong>
              {entry.from && entry.to && entry.from !== entry.to
                ? `${entry.from.replaceAll("_", " ")} → ${entry.to.replaceAll("_", " ")}`
                : (entry.to ?? entry.event).replaceAll("_", " ")}
            </strong>{" "}
            <span className="timeline__actor">by {entry.actorName ?? actors[entry.actorKind] ?? entry.actorKind}</span>
          </div>
          {entry.reason ? <p className="timeline__reason">{entry.reason}</p> : null}
          {entry.changes.length > 0 ? (
            <ul className="timeline__changes">
              {entry.changes.map((change) => (
                <li key={change.field}>
                  {change.field}: {show(change.from)} → {show(change.to)}
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
