/**
 * Tell tfjs's WebAssembly backend where the server keeps its `.wasm` files
 * (`/wasm/`, copied from node_modules: nothing comes from a CDN). The page
 * imports this first, before lib/backend/mod.ts starts the backend.
 *
 * @module
 */
import { setWasmPaths } from "@tensorflow/tfjs-backend-wasm";

setWasmPaths("/wasm/");
