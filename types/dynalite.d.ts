// dynalite 4 ships no type declarations. It returns a node http(s).Server serving the DynamoDB API.
declare module 'dynalite' {
  import type { Server } from 'node:http';
  export interface DynaliteOptions {
    verbose?: boolean;
    debug?: boolean;
    ssl?: boolean;
    /** Milliseconds a table stays CREATING; pass 0, the default 500 makes writes right after CreateTable fail. */
    createTableMs?: number;
    deleteTableMs?: number;
    updateTableMs?: number;
    maxItemSizeKb?: number;
    /** LevelDB directory; in-memory when omitted. */
    path?: string;
  }
  function dynalite(options?: DynaliteOptions): Server;
  export default dynalite;
}
