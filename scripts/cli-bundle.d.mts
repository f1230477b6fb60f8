/** The bundled CLI's file URL, built first when missing or older than a source under cli/ or core/. */
export declare function ensureBundle(): Promise<string>;
