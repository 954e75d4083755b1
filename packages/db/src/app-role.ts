import pg from "pg";

/** The apps' least-privilege role, created by the migrations (rows only, never the schema). */
export const appRole = "portway_app";

/** The embedded development server's password of the apps' role (it listens on loopback only). */
const embeddedAppPassword = "portway-app";

/**
 * For the embedded development server: lets the apps' role sign in and returns the URL the apps connect with, the
 * owner's URL with the role's name and password. Run after the migrations, which create the role.
 */
export async function embeddedAppDatabaseUrl(ownerUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query(`alter role ${appRole} with login password '${embeddedAppPassword}'`);
  } finally {
    await client.end();
  }
  const url = new URL(ownerUrl);
  url.username = appRole;
  url.password = embeddedAppPassword;
  return url.toString();
}
