import { mustChangePassword } from "@portway/services";
import { redirect } from "next/navigation";
import { getRuntime } from "@/server/runtime";
import { requireSignedInStaff } from "@/server/session";
import { ChangePasswordForm } from "./change-password-form";

export const dynamic = "force-dynamic";
export const metadata = { title: "Choose your password · Portway admin" };

/** A staff user's first sign-in: nothing else opens until they choose their own password. */
export default async function ChangePasswordPage() {
  const staff = await requireSignedInStaff();
  if (!(await mustChangePassword(getRuntime().db, staff.userId))) {
    redirect("/");
  }
  return (
    <main id="main" className="app-main">
      <section className="card sign-in-card" aria-labelledby="change-password-heading">
        <h1 id="change-password-heading">Choose your password</h1>
        <p>Welcome, {staff.name}. Your lead gave you a first password; choose your own before you start working.</p>
        <ChangePasswordForm />
      </section>
    </main>
  );
}
