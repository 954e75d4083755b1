import { readWorkerEnv } from "@portway/services";

/** The worker's configuration; the only place in this app that reads process.env. */
export const env = readWorkerEnv(process.env);
