import type { TestProject } from "vitest/node";
import { createTestDatabase } from "../src/testing/index";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const database = await createTestDatabase("db");
  project.provide("databaseUrl", database.url);
  return database.teardown;
}
