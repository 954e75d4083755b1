import "server-only";
import type { StaffIdentity } from "@portway/services";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getRuntime } from "./runtime";

/** The signed-in member of the porting team, or a redirect to the sign-in page. */
export async function requireStaff(): Promise<StaffIdentity> {
  const identity = await getRuntime().identify(await headers());
  if (identity?.kind !== "staff") {
    redirect("/sign-in");
  }
  return identity;
}
