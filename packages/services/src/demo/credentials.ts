/** Demo logins created on first start (never in production). */
export const demoPassword = "portway-demo";

export const demoAccounts = [
  { slug: "acme-voice", name: "Acme Voice", onNetOnly: false },
  { slug: "blue-harbor", name: "Blue Harbor Telecom", onNetOnly: false },
] as const;

export const demoUsers = [
  { email: "admin@acme.test", name: "Avery Admin", kind: "customer", role: "admin", account: "acme-voice" },
  { email: "member@acme.test", name: "Morgan Member", kind: "customer", role: "member", account: "acme-voice" },
  { email: "admin@blueharbor.test", name: "Blair Admin", kind: "customer", role: "admin", account: "blue-harbor" },
  { email: "member@blueharbor.test", name: "Bailey Member", kind: "customer", role: "member", account: "blue-harbor" },
  { email: "analyst@portway.test", name: "Ana Analyst", kind: "staff", role: "analyst", account: null },
  { email: "lead@portway.test", name: "Lee Lead", kind: "staff", role: "lead", account: null },
] as const;

export function isDemoPassword(password: string): boolean {
  return password === demoPassword;
}
