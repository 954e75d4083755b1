import { addDays, easternToInstant } from "@portway/domain";
import { type DataTableState, parseTableState } from "@portway/ui/table-state";

export const defaultAuditState: DataTableState = {
  page: 0,
  pageSize: 50,
  sort: null,
  direction: "desc",
  hidden: [],
};

export const auditFilterKeys = ["actor", "action", "type", "object", "from", "to"] as const;
export type AuditFilterKey = (typeof auditFilterKeys)[number];

function day(value: string | null, end: boolean): string | undefined {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return undefined;
  }
  return easternToInstant(end ? addDays(value, 1) : value, "00:00") ?? undefined;
}

/** The audit list input for a URL (dates are whole ET days); the server validates action and type. */
export function auditQueryFromParams(params: URLSearchParams) {
  const state = parseTableState(params, defaultAuditState);
  const text = (key: AuditFilterKey) => params.get(key)?.trim() || undefined;
  return {
    state,
    input: {
      actorId: text("actor"),
      action: text("action"),
      objectType: text("type"),
      objectId: text("object"),
      from: day(params.get("from"), false),
      to: day(params.get("to"), true),
      page: state.page,
      pageSize: state.pageSize,
    },
  };
}
