import { SignInForm } from "@portway/ui";

export const metadata = { title: "Sign in · Portway" };

export default function SignInPage() {
  return (
    <SignInForm
      title="Sign in to Portway"
      next="/"
      hint={<p className="demo-logins">Customer users sign in here. The porting team uses the admin portal.</p>}
    />
  );
}
