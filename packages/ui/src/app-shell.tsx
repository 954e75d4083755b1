import type { ReactNode } from "react";
import { SignOutButton } from "./sign-out-button";

export interface AppShellProps {
  product: string;
  user: { name: string; detail: string };
  nav: { href: string; label: string }[];
  /** Shown in the header before the user (e.g. the notification bell). */
  headerSlot?: ReactNode;
  children: ReactNode;
}

export function AppShell({ product, user, nav, headerSlot, children }: AppShellProps) {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <span className="app-header__product">{product}</span>
        <nav aria-label="Main">
          <ul>
            {nav.map((item) => (
              <li key={item.href}>
                <a href={item.href}>{item.label}</a>
              </li>
            ))}
          </ul>
        </nav>
        <div className="app-header__user">
          {headerSlot}
          <span>
            {user.name} <small>{user.detail}</small>
          </span>
          <SignOutButton />
        </div>
      </header>
      <main id="main" className="app-main">
        {children}
      </main>
    </>
  );
}
