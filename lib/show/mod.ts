/**
 * Showing things: figures rendered outside a browser, HTML snippets and
 * progress bars. The bottom of lib: it imports no other lib folder.
 *
 * @module
 */
export * from "./figure.ts";
export * from "./progress.ts";
export * from "./images.ts";
