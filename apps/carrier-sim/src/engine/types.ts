import type { CreateOrderData, PartnerOrderStatus, PartnerPortType, SuppData, SuppType } from "@portway/partner";
import type { AccountRecord } from "../behaviour/account-record";
import type { SimClock } from "../clock";
import type { FaultSettings } from "../faults";
import type { SimDatabase } from "../store/database";

export interface OrderState {
  /** Rejected since the last accepted CHANGE: the next CHANGE lifts the record's conditions. */
  rejected: boolean;
  focAt: string | null;
  reschedulesAfterFoc: number;
  supp: { suppId: string; type: SuppType; request: SuppData; resolveAt: string } | null;
  /** TN -> activation instant. */
  activated: Record<string, string>;
}

export interface OrderRow {
  order_id: string;
  client_order_id: string | null;
  port_type: PartnerPortType;
  idempotency_key: string;
  request_hash: string;
  create_requests: number;
  status: PartnerOrderStatus;
  data: CreateOrderData;
  record: AccountRecord;
  state: OrderState;
  version: number;
  last_sequence: number;
  created_at: Date;
  updated_at: Date;
}

export interface EngineContext {
  db: SimDatabase;
  clock: SimClock;
  faults: () => FaultSettings;
}

export interface ApiError {
  status: number;
  code: string;
  message: string;
  details?: unknown;
}

export type ApiResult = { ok: true; status: number; body: unknown; replayed: boolean } | { ok: false; error: ApiError };

export function makeApiError(status: number, code: string, message: string, details?: unknown): ApiResult {
  return { ok: false, error: { status, code, message, ...(details === undefined ? {} : { details }) } };
}

export const terminalStatuses: readonly PartnerOrderStatus[] = ["ACTIVATED", "CANCELLED"];
