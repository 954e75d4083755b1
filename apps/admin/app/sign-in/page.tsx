import { SignInForm } from "@portway/ui";

export const metadata = { title: "Sign in · Portway admin" };

export default function SignInPage() {
  return (
    <SignInForm
      title="Portway porting team"
      next="/"
      hint={<p className="demo-logins">For porting analysts and leads. Customers use the customer portal.</p>}
    />
  );
}
