import "server-only";
import type { CustomerIdentity } from "@portway/services";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getRuntime } from "./runtime";

/** The signed-in customer of this request, or a redirect to the sign-in page. */
export async function requireCustomer(): Promise<CustomerIdentity> {
  const identity = await getRuntime().identify(await headers());
  if (identity?.kind !== "customer") {
    redirect("/sign-in");
  }
  return identity;
}
