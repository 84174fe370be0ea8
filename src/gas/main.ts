/**
 * Entry of the Apps Script bundle (`dist/Code.js`). The build adds one
 * top-level function per registry entry (`registry.ts`, where each name is
 * written once) that calls `functions.NAME` here.
 */
import { implementations } from "./registry";

export const functions = implementations();
