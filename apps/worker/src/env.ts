import { readMailEnv, readWorkerEnv } from "@portway/services";

/** The worker's configuration; the only place in this app that reads process.env. */
export const env = readWorkerEnv(process.env);

/** SMTP_URL and MAIL_FROM; without SMTP_URL, mail goes to the local capture. */
export const mailEnv = readMailEnv(process.env);
