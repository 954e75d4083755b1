import type { ServiceError, ServiceErrorKind } from "@portway/services";
import { TRPCError } from "@trpc/server";

type TrpcCode = TRPCError["code"];

/** The one table from a use case's failure kind to the transport code. */
export const serviceErrorCodes: Readonly<Record<ServiceErrorKind, TrpcCode>> = {
  NOT_FOUND: "NOT_FOUND",
  INVALID: "BAD_REQUEST",
  CONFLICT: "CONFLICT",
  FORBIDDEN: "FORBIDDEN",
  PRECONDITION: "PRECONDITION_FAILED",
};

export function toTrpcError(error: ServiceError): TRPCError {
  return new TRPCError({ code: serviceErrorCodes[error.kind], message: error.message, cause: error });
}
