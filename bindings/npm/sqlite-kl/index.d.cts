/** A database that can load SQLite extensions: better-sqlite3's Database,
 *  or any object with the same loadExtension(path) method. */
export interface ExtensionLoader {
  loadExtension(path: string, entryPoint?: string): unknown;
}

/** The absolute path of the compiled extension for this platform (from the
 *  package sqlite-kl-<platform>-<arch>); throws when it is not installed. */
export declare function getLoadablePath(): string;

/** Loads sqlite-kl into db: db.loadExtension(getLoadablePath()). */
export declare function load(db: ExtensionLoader): void;

/** The extension's version, as SELECT kl_version() returns it. */
export declare const version: string;
