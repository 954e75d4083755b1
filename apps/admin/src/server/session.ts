import "server-only";
import { mustChangePassword, type StaffIdentity } from "@portway/services";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getRuntime } from "./runtime";

/** The signed-in member of the porting team, even one who must still change a first password. */
export async function requireSignedInStaff(): Promise<StaffIdentity> {
  const identity = await getRuntime().identify(await headers());
  if (identity?.kind !== "staff") {
    redirect("/sign-in");
  }
  return identity;
}

/** The signed-in member of the porting team, or a redirect: to sign in, or to change a first password. */
export async function requireStaff(): Promise<StaffIdentity> {
  const identity = await requireSignedInStaff();
  if (await mustChangePassword(getRuntime().db, identity.userId)) {
    redirect("/change-password");
  }
  return identity;
}
