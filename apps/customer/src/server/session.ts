import "server-only";
import type { CustomerIdentity } from "@portway/services";
import { redirect } from "next/navigation";
import { requestContext } from "../trpc/server";

/** The signed-in customer of this request, or a redirect to the sign-in page (one session lookup per request). */
export async function requireCustomer(): Promise<CustomerIdentity> {
  const { identity } = await requestContext();
  if (identity?.kind !== "customer") {
    redirect("/sign-in");
  }
  return identity;
}
