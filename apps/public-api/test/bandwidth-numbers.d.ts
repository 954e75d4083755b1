// The parts of @bandwidth/numbers (which ships no types) that the compatibility test drives.
declare module "@bandwidth/numbers" {
  export class Client {
    constructor(
      accountId: string,
      userName: string,
      password: string,
      clientId: string | null,
      clientSecret: string | null,
      options: { apiEndPoint: string },
    );
  }
  // biome-ignore lint/suspicious/noExplicitAny: the SDK's answers are untyped parsed XML
  type Parsed = any;
  export interface PortInOrder {
    id: string;
    [field: string]: Parsed;
    updateAsync(data: Record<string, unknown>): Promise<Parsed>;
    deleteAsync(): Promise<Parsed>;
    getNotesAsync(): Promise<Parsed[]>;
    addNoteAsync(note: { userId: string; description: string }): Promise<Parsed>;
    getHistoryAsync(): Promise<Parsed[]>;
    getTnsAsync(): Promise<Parsed>;
    getTotalsAsync(): Promise<Parsed[]>;
    getAreaCodesAsync(): Promise<Parsed[]>;
    getNpaNxxAsync(): Promise<Parsed[]>;
    getActivationStatusAsync(): Promise<Parsed>;
    createFileAsync(file: Buffer, mediaType?: string): Promise<string>;
    getFilesAsync(metadata?: boolean): Promise<Parsed>;
    getFileMetadataAsync(fileName: string): Promise<Parsed>;
    updateFileAsync(fileName: string, file: Buffer, mediaType?: string): Promise<Parsed>;
    updateFileMetadataAsync(
      fileName: string,
      metadata: { documentName?: string; documentType?: string },
    ): Promise<Parsed>;
  }
  export const PortIn: {
    createAsync(client: Client, data: Record<string, unknown>): Promise<PortInOrder>;
    getAsync(client: Client, id: string): Promise<PortInOrder>;
    listAsync(client: Client, query: Record<string, unknown>): Promise<Parsed>;
  };
  export const LnpChecker: {
    checkAsync(client: Client, numbers: string[], fullCheck: boolean | string): Promise<Parsed>;
  };
}
